//! Markdown tables and sections of the report.

use std::time::Duration;

/// One table, in Markdown.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        let mut out = line(&self.header);
        out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// A titled part of the report: a table with prose before and after it.
pub struct Section {
    pub title: String,
    pub intro: Vec<String>,
    pub table: Table,
    pub notes: Vec<String>,
}

impl Section {
    pub fn render(&self) -> String {
        let mut out = format!("## {}\n\n", self.title);
        for line in &self.intro {
            out.push_str(line);
            out.push('\n');
        }
        if !self.intro.is_empty() {
            out.push('\n');
        }
        out.push_str(&self.table.render());
        if !self.notes.is_empty() {
            out.push('\n');
        }
        for line in &self.notes {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

/// A duration in the unit that suits it: `812 µs`, `41.3 ms`, `2.41 s`.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 0.001 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

/// A command as a table cell.
pub fn code(command: &str) -> String {
    format!("`{}`", command.replace('|', "\\|"))
}

pub fn verdict(met: bool) -> String {
    if met { "PASS" } else { "MISS" }.to_owned()
}
