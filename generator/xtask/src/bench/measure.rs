//! Running one child process under GNU time: its wall time, its peak memory, its output.
//!
//! Peak memory is GNU time's `%M`: the `ru_maxrss` that `wait4` returns for the child. Linux
//! fills it with the largest resident set of any single process among the child and the
//! descendants it waited for, not their sum; for `cargo check` that is the `rustc` of the
//! crate, since cargo itself stays far smaller. Because cargo may run two `rustc` at once,
//! [`Measured::tree_kib`] also samples the sum over the whole process tree every 50 ms.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const GNU_TIME: &str = "/usr/bin/time";

/// A command line, kept as data so that the table can show exactly what ran.
#[derive(Clone, Debug)]
pub struct Job {
    program: PathBuf,
    args: Vec<String>,
    envs: Vec<(String, String)>,
    dir: PathBuf,
}

/// What one run of a [`Job`] gave.
#[derive(Clone, Debug)]
pub struct Measured {
    pub wall: Duration,
    /// Cores that other processes kept busy on average during the run: all busy CPU time of
    /// the machine (/proc/stat) less the child's, over the wall time.
    pub others: f64,
    pub peak_kib: u64,
    /// The largest sum of resident sets over the child's process tree, sampled.
    pub tree_kib: u64,
    pub stdout: String,
    pub stderr: String,
    /// The one-minute load average just before the run.
    pub load: f64,
}

impl Measured {
    pub fn peak_mib(&self) -> f64 {
        self.peak_kib as f64 / 1024.0
    }

    pub fn tree_mib(&self) -> f64 {
        self.tree_kib as f64 / 1024.0
    }
}

impl Job {
    /// `program` with `args`, run from `dir`.
    pub fn new(program: impl Into<PathBuf>, args: &[&str], dir: &Path) -> Self {
        Job {
            program: program.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            envs: Vec::new(),
            dir: dir.to_path_buf(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.args.push(arg.as_ref().to_string_lossy().into_owned());
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.envs.push((
            key.to_owned(),
            value.as_ref().to_string_lossy().into_owned(),
        ));
        self
    }

    /// The command as a reader would type it from the workspace root, paths shortened.
    pub fn shown(&self, root: &Path) -> String {
        self.render(root, None)
    }

    /// [`Job::shown`] under GNU time, as the peak memory is measured.
    pub fn shown_timed(&self, root: &Path) -> String {
        self.render(root, Some(&format!("{GNU_TIME} -f %M")))
    }

    fn render(&self, root: &Path, wrapper: Option<&str>) -> String {
        let short = |s: &str| shorten(s, root);
        let mut parts: Vec<String> = self
            .envs
            .iter()
            .map(|(k, v)| format!("{k}={}", short(v)))
            .collect();
        parts.extend(wrapper.map(str::to_owned));
        parts.push(short(&self.program.to_string_lossy()));
        parts.extend(self.args.iter().map(|a| short(a)));
        parts.join(" ")
    }

    /// Runs the job to the end without measuring it; fails on a non-zero exit.
    pub fn run(&self) -> Result<(String, String), String> {
        let output = self
            .command(&self.program, &[])
            .output()
            .map_err(|e| self.cannot(e))?;
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if !output.status.success() {
            return Err(self.failed(&output.status.to_string(), &stderr));
        }
        Ok((stdout, stderr))
    }

    /// Runs the job under GNU time; fails on a non-zero exit.
    pub fn measure(&self, scratch: &Path) -> Result<Measured, String> {
        self.measure_with(scratch, false)
    }

    /// [`Job::measure`], also sampling the memory of the whole process tree. The sampler
    /// takes some CPU, so only runs that last seconds and spawn processes use it.
    pub fn measure_tree(&self, scratch: &Path) -> Result<Measured, String> {
        self.measure_with(scratch, true)
    }

    fn measure_with(&self, scratch: &Path, sample: bool) -> Result<Measured, String> {
        let report = scratch.join("gnu-time.txt");
        let program = self.program.to_string_lossy().into_owned();
        let report_arg = report.to_string_lossy().into_owned();
        let prefix = [
            "-f",
            "%M %U %S",
            "-o",
            report_arg.as_str(),
            program.as_str(),
        ];
        let load = load_average().first().copied().unwrap_or(0.0);

        let mut command = self.command(Path::new(GNU_TIME), &prefix);
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        let busy_before = busy_cpu();
        let start = Instant::now();
        let child = command.spawn().map_err(|e| self.cannot(e))?;
        let (pid, done) = (child.id(), AtomicBool::new(false));
        let (output, wall, tree_kib) = std::thread::scope(|scope| {
            let sampler = sample.then(|| scope.spawn(|| sample_tree(pid, &done)));
            let output = child.wait_with_output();
            // The wall time ends here, not when the sampler has noticed.
            let wall = start.elapsed();
            done.store(true, Ordering::Relaxed);
            let tree_kib = sampler.map_or(0, |s| {
                s.thread().unpark();
                s.join().unwrap_or(0)
            });
            (output, wall, tree_kib)
        });
        let busy = busy_cpu().saturating_sub(busy_before);
        let output = output.map_err(|e| self.cannot(e))?;

        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if !output.status.success() {
            return Err(self.failed(&output.status.to_string(), &stderr));
        }
        let (peak_kib, cpu) = read_report(&report)?;
        let others = busy.saturating_sub(cpu).as_secs_f64() / wall.as_secs_f64().max(1e-9);
        Ok(Measured {
            wall,
            others,
            peak_kib,
            tree_kib,
            stdout,
            stderr,
            load,
        })
    }

    fn command(&self, program: &Path, prefix: &[&str]) -> Command {
        let mut command = Command::new(program);
        command.args(prefix).args(&self.args).current_dir(&self.dir);
        command.envs(self.envs.iter().map(|(k, v)| (k, v)));
        command.stdin(Stdio::null());
        command
    }

    fn cannot(&self, e: std::io::Error) -> String {
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            format!("\nthe benchmarks need {GNU_TIME} for peak memory: `apt-get install time`")
        } else {
            String::new()
        };
        format!("error: cannot run `{}`: {e}{hint}", self.program.display())
    }

    fn failed(&self, status: &str, stderr: &str) -> String {
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!(
            "error: `{} {}` failed ({status}):\n{}",
            self.program.display(),
            self.args.join(" "),
            tail.join("\n")
        )
    }
}

/// GNU time writes `Command exited…` lines before the figure when the child fails; the
/// figure is always the last line.
fn read_report(report: &Path) -> Result<(u64, Duration), String> {
    let text = std::fs::read_to_string(report).map_err(|e| {
        format!(
            "error: cannot read GNU time's report {}: {e}",
            report.display()
        )
    })?;
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let fields: Vec<&str> = last.split_whitespace().collect();
    let bad = || {
        format!(
            "error: GNU time's report {} ends in `{last}`",
            report.display()
        )
    };
    let [peak, user, system] = fields[..] else {
        return Err(bad());
    };
    let seconds = |v: &str| v.parse::<f64>().map_err(|_| bad());
    let cpu = Duration::from_secs_f64(seconds(user)? + seconds(system)?);
    Ok((peak.parse().map_err(|_| bad())?, cpu))
}

/// The machine's busy CPU time so far, all cores: /proc/stat's first line less idle and
/// iowait, in the kernel's fixed unit of 1/100 s.
fn busy_cpu() -> Duration {
    let text = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let line = text.lines().next().unwrap_or("");
    let ticks: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    let total: u64 = ticks.iter().take(8).sum();
    let idle = ticks.get(3).copied().unwrap_or(0) + ticks.get(4).copied().unwrap_or(0);
    Duration::from_millis(total.saturating_sub(idle) * 10)
}

/// The largest sum of resident sets over `root` and its descendants until `done`.
fn sample_tree(root: u32, done: &AtomicBool) -> u64 {
    let mut peak = 0;
    while !done.load(Ordering::Relaxed) {
        peak = peak.max(tree_rss_kib(root));
        std::thread::park_timeout(Duration::from_millis(50));
    }
    peak
}

/// The resident sets of `root` and every process below it, from /proc, in KiB.
fn tree_rss_kib(root: u32) -> u64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut children: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // The parent is the second field after the command name, which may hold spaces.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1));
        if let Some(ppid) = ppid.and_then(|p| p.parse().ok()) {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let mut total = 0;
    let mut pending = vec![root];
    while let Some(pid) = pending.pop() {
        total += rss_kib(pid);
        pending.extend(children.get(&pid).into_iter().flatten());
    }
    total
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .unwrap_or("");
    line.split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The three load averages of /proc/loadavg; empty where it cannot be read.
pub fn load_average() -> Vec<f64> {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// Waits, at most `limit`, until the one-minute load is below `calm`.
pub fn settle(calm: f64, limit: Duration) {
    let start = Instant::now();
    loop {
        let load = load_average().first().copied().unwrap_or(0.0);
        if load < calm || start.elapsed() >= limit {
            return;
        }
        std::thread::sleep(Duration::from_secs(5));
    }
}

/// Shows paths inside the workspace relative to it, and the temporary folder as `$TMPDIR`.
pub fn shorten(text: &str, root: &Path) -> String {
    let root_text = format!("{}/", root.display());
    let tmp = std::env::temp_dir();
    let tmp_text = tmp.to_string_lossy().trim_end_matches('/').to_owned();
    let text = text.replace(&root_text, "");
    if tmp_text.len() > 1 {
        text.replace(&tmp_text, "$TMPDIR")
    } else {
        text
    }
}

/// The median of some runs, by wall time, with what goes with it.
pub fn median<T>(mut runs: Vec<(Measured, T)>) -> (Measured, T) {
    runs.sort_by_key(|(r, _)| r.wall);
    let middle = runs.len() / 2;
    assert!(
        middle < runs.len(),
        "every figure is measured at least once"
    );
    runs.swap_remove(middle)
}
