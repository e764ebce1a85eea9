//! Writing the generated tree: only changed files, each atomically, orphans removed.

use crate::emit::{GeneratedFile, MARKER};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a run would change in the output folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files whose content is new or differs, with the content they get.
    pub write: Vec<GeneratedFile>,
    /// Files already as they should be.
    pub unchanged: usize,
    /// Generated files that no definition produces any more, relative to the output folder.
    pub remove: Vec<PathBuf>,
    /// Temporary files an interrupted run left behind.
    pub leftovers: Vec<PathBuf>,
}

impl Plan {
    /// Whether the tree on disk is exactly what the definitions produce.
    pub fn is_clean(&self) -> bool {
        self.write.is_empty() && self.remove.is_empty() && self.leftovers.is_empty()
    }
}

/// The suffix of the temporary sibling a file is written to before it is renamed into place.
const TMP_SUFFIX: &str = ".modelgen-tmp";

/// Compares the files the definitions produce with the tree under `out`.
pub fn plan(out: &Path, files: Vec<GeneratedFile>) -> io::Result<Plan> {
    let mut plan = Plan::default();
    let mut expected = std::collections::BTreeSet::new();
    for file in files {
        expected.insert(file.path.clone());
        match fs::read(out.join(&file.path)) {
            Ok(old) if old == file.contents.as_bytes() => plan.unchanged += 1,
            Ok(_) => plan.write.push(file),
            Err(e) if e.kind() == io::ErrorKind::NotFound => plan.write.push(file),
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", out.join(&file.path).display()))),
        }
    }
    for path in existing_files(out)? {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.ends_with(TMP_SUFFIX) {
            plan.leftovers.push(path);
        } else if !expected.contains(&path) && is_generated(&out.join(&path)) {
            plan.remove.push(path);
        }
    }
    Ok(plan)
}

/// Carries out a plan: every file is written to a temporary sibling and renamed over the old
/// one, so an interrupted run leaves each file either old or new, never half-written.
///
/// `fail_after` makes the run stop with an error after that many files, to test interruption.
pub fn apply(out: &Path, plan: &Plan, fail_after: Option<usize>) -> io::Result<()> {
    for leftover in &plan.leftovers {
        remove_if_present(&out.join(leftover))?;
    }
    for (done, file) in plan.write.iter().enumerate() {
        if fail_after == Some(done) {
            return Err(io::Error::other(format!("interrupted after writing {done} files")));
        }
        write_atomically(&out.join(&file.path), file.contents.as_bytes())?;
    }
    for path in &plan.remove {
        remove_if_present(&out.join(path))?;
    }
    Ok(())
}

fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let context = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(context)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(TMP_SUFFIX);
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, contents).map_err(context)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        context(e)
    })
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            Err(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        }
        _ => Ok(()),
    }
}

/// Only a file whose first line carries the marker was written by the generator.
fn is_generated(path: &Path) -> bool {
    let Ok(text) = fs::read(path) else { return false };
    let first = text.split(|b| *b == b'\n').next().unwrap_or_default();
    first.windows(MARKER.len()).any(|w| w == MARKER.as_bytes())
}

/// `Cargo.toml` and every `.rs` file under `src/`, relative to `out`, sorted.
fn existing_files(out: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for name in ["Cargo.toml".to_owned(), format!("Cargo.toml{TMP_SUFFIX}")] {
        if out.join(&name).is_file() {
            found.push(PathBuf::from(name));
        }
    }
    let mut pending = vec![PathBuf::from("src")];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(out.join(&dir)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let rel = dir.join(entry.file_name());
            let kind = entry.file_type()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if kind.is_dir() {
                pending.push(rel);
            } else if name.ends_with(".rs") || name.ends_with(TMP_SUFFIX) {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
}
