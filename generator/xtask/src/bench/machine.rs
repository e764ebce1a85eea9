//! What the figures were measured on, for the header of the report.

use std::path::Path;
use std::process::Command;

/// The machine and the toolchain, as of the start of the run.
pub struct Machine {
    pub cores: usize,
    pub memory_gib: f64,
    pub cpu: String,
    pub rustc: String,
    pub load: Vec<f64>,
    pub commit: String,
    pub date: String,
}

impl Machine {
    pub fn probe(root: &Path) -> Machine {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        Machine {
            cores,
            memory_gib: mem_total_kib() as f64 / (1024.0 * 1024.0),
            cpu: cpu_model(),
            rustc: first_line(Command::new("rustc").arg("-V")),
            load: super::measure::load_average(),
            commit: commit(root),
            date: first_line(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])),
        }
    }

    /// The header lines of the report.
    pub fn describe(&self) -> Vec<String> {
        let load: Vec<String> = self.load.iter().map(|l| format!("{l:.2}")).collect();
        vec![
            format!(
                "- machine: {} cores (`nproc`), {:.1} GiB memory, {}",
                self.cores, self.memory_gib, self.cpu
            ),
            format!("- toolchain: {}", self.rustc),
            format!(
                "- load average at start (1, 5, 15 min): {}",
                load.join(", ")
            ),
            format!("- source: {}; run at {}", self.commit, self.date),
        ]
    }
}

fn mem_total_kib() -> u64 {
    let text = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let line = text
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .unwrap_or("");
    line.split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn cpu_model() -> String {
    let text = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let line = text.lines().find(|l| l.starts_with("model name"));
    let model = line
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_owned());
    model.unwrap_or_else(|| "unknown CPU".to_owned())
}

/// The commit, and whether the tree had changes of its own (other engineers' work in
/// progress is part of what was measured).
fn commit(root: &Path) -> String {
    let hash =
        first_line(
            Command::new("git")
                .arg("-C")
                .arg(root)
                .args(["rev-parse", "--short", "HEAD"]),
        );
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["status", "--porcelain"])
        .output();
    let dirty = status.map(|o| !o.stdout.is_empty()).unwrap_or(false);
    let note = if dirty {
        " with uncommitted changes in the tree"
    } else {
        ""
    };
    format!("commit {hash}{note}")
}

fn first_line(command: &mut Command) -> String {
    match command.output() {
        Ok(output) if output.status.success() => String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_owned(),
        _ => "unknown".to_owned(),
    }
}
