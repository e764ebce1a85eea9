//! Writing the generated tree: only changed files, each atomically, orphans removed.

use crate::emit::{GeneratedFile, MARKER};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

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

/// A step of [`apply_observed`], so that a test can stop a run at any point of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// About to write file number `.0` (counting from 0) of [`Plan::write`].
    Writing(usize),
    /// File number `.0` is written to its temporary sibling and not yet renamed into place.
    Staged(usize),
}

/// Whether `path` stays inside the folder it is relative to: relative, and made of plain names
/// only (no `..`, no root, no drive, not empty).
///
/// Type names are validated long before they become file names, so this never fails for a
/// plan made from definitions; it is the last guard that nothing is written outside `out`.
pub fn is_inside(path: &Path) -> bool {
    let mut parts = path.components().peekable();
    parts.peek().is_some() && parts.all(|c| matches!(c, Component::Normal(_)))
}

fn check_inside(path: &Path) -> io::Result<()> {
    if is_inside(path) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write `{}`: it is not a path inside the output folder", path.display()),
        ))
    }
}

/// Compares the files the definitions produce with the tree under `out`.
pub fn plan(out: &Path, files: Vec<GeneratedFile>) -> io::Result<Plan> {
    let mut plan = Plan::default();
    let mut expected = std::collections::BTreeSet::new();
    for file in files {
        check_inside(&file.path)?;
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
    if fail_after.is_none() {
        return apply_parallel(out, plan);
    }
    apply_observed(out, plan, &mut |step| match step {
        Step::Writing(done) if fail_after == Some(done) => {
            Err(io::Error::other(format!("interrupted after writing {done} files")))
        }
        _ => Ok(()),
    })
}

/// [`apply`], telling `observe` of every step; an error from it stops the run there.
pub fn apply_observed(
    out: &Path,
    plan: &Plan,
    observe: &mut dyn FnMut(Step) -> io::Result<()>,
) -> io::Result<()> {
    prepare(out, plan)?;
    for (done, file) in plan.write.iter().enumerate() {
        observe(Step::Writing(done))?;
        let path = out.join(&file.path);
        let tmp = stage(&path, file.contents.as_bytes())?;
        observe(Step::Staged(done))?;
        commit(&tmp, &path)?;
    }
    for path in &plan.remove {
        remove_if_present(&out.join(path))?;
    }
    Ok(())
}

/// [`apply`] on every core: the same steps, each file still staged and renamed on its own,
/// with each folder made once. Writing thousands of new files is mostly system calls.
fn apply_parallel(out: &Path, plan: &Plan) -> io::Result<()> {
    prepare(out, plan)?;
    let dirs: std::collections::BTreeSet<PathBuf> =
        plan.write.iter().filter_map(|f| out.join(&f.path).parent().map(Path::to_path_buf)).collect();
    for dir in dirs {
        fs::create_dir_all(&dir).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    }
    crate::emit::parallel_map(&plan.write, |file| {
        let path = out.join(&file.path);
        commit(&stage(&path, file.contents.as_bytes())?, &path)
    })?;
    for path in &plan.remove {
        remove_if_present(&out.join(path))?;
    }
    Ok(())
}

/// What both ways of applying do first: refuse any path outside `out`, and clear what an
/// interrupted run left behind.
fn prepare(out: &Path, plan: &Plan) -> io::Result<()> {
    let every = plan.write.iter().map(|f| &f.path).chain(&plan.remove).chain(&plan.leftovers);
    for path in every {
        check_inside(path)?;
    }
    for leftover in &plan.leftovers {
        remove_if_present(&out.join(leftover))?;
    }
    Ok(())
}

/// Renames a staged file over `path`, removing the staged copy if that fails.
fn commit(tmp: &Path, path: &Path) -> io::Result<()> {
    fs::rename(tmp, path).map_err(|e| {
        let _ = fs::remove_file(tmp);
        io::Error::new(e.kind(), format!("{}: {e}", path.display()))
    })
}

/// Writes `contents` to the temporary sibling of `path`, and returns the sibling's path.
fn stage(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let context = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(context)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(TMP_SUFFIX);
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, contents).map_err(context)?;
    Ok(tmp)
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
    let mut pending = vec![PathBuf::new()];
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
            if kind.is_dir() && is_crate_dir(&dir, &name) {
                pending.push(rel);
            } else if kind.is_file() && is_crate_file(&dir, &name) {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The folders a generated crate (or a split catalogue of crates) uses: `src` anywhere, and
/// the `support` and `areas/<area>` crates of a split catalogue; never `target` or hidden ones.
fn is_crate_dir(parent: &Path, name: &str) -> bool {
    let top = parent.as_os_str().is_empty();
    let in_areas = parent == Path::new("areas");
    name == "src" || parent.ends_with("src") || (top && (name == "support" || name == "areas")) || in_areas
}

/// Manifests and Rust files, and what an interrupted run may have left of either.
fn is_crate_file(dir: &Path, name: &str) -> bool {
    let in_src = dir.ends_with("src") || dir.components().any(|c| c.as_os_str() == "src");
    let base = name.strip_suffix(TMP_SUFFIX).unwrap_or(name);
    base == "Cargo.toml" || (in_src && base.ends_with(".rs"))
}

/// The files of `out` that a run of the generator accounts for: `Cargo.toml`, every `.rs`
/// file under `src/` and any temporary leftovers, relative to `out`, sorted.
pub fn listing(out: &Path) -> io::Result<Vec<PathBuf>> {
    existing_files(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_inside() {
        for ok in ["Cargo.toml", "src/lib.rs", "src/a/b.rs"] {
            assert!(is_inside(Path::new(ok)), "{ok}");
        }
        for bad in ["", "/etc/passwd", "../x.rs", "src/../../x.rs", "./src/x.rs", "src/.."] {
            assert!(!is_inside(Path::new(bad)), "{bad}");
        }
    }

    #[test]
    fn a_plan_never_reaches_outside_the_output_folder() {
        let base = std::env::temp_dir().join(format!("modelgen-write-{}", std::process::id()));
        let out = base.join("out");
        for path in ["../escaped.rs", "/tmp/modelgen-absolute.rs", "src/../../escaped.rs"] {
            let file = GeneratedFile { path: path.into(), contents: String::new() };
            let err = plan(&out, vec![file.clone()]).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{path}");
            let forged = Plan { write: vec![file], ..Plan::default() };
            assert!(apply(&out, &forged, None).is_err(), "{path}");
        }
        assert!(!base.join("escaped.rs").exists());
        assert!(!Path::new("/tmp/modelgen-absolute.rs").exists());
        let _ = fs::remove_dir_all(&base);
    }
}
