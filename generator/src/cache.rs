//! The record of the last run, so that a run with nothing changed can stop early.
//!
//! The record holds a digest of everything that decides the output (the generator's own
//! sources, the crate spec, every definition file's path and bytes) and the size and
//! modification time of every file written. A run trusts it only when the digest matches and
//! every output file on disk still has the recorded size and time and no file came or went;
//! anything else, and `--check` always, takes the full path.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The generator's fingerprint: its version and a hash of its sources, from `build.rs`.
pub const GENERATOR: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("MODELGEN_SOURCE_HASH"));

/// FNV-1a, 64 bits: stable across platforms and Rust versions, and fast enough for inputs.
#[derive(Clone, Copy)]
pub struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    /// Adds bytes, then a separator, so that `"ab" + "c"` and `"a" + "bc"` differ.
    pub fn add(&mut self, bytes: &[u8]) {
        for b in bytes.iter().chain(&[0xff]) {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The digest so far.
    pub fn value(self) -> u64 {
        self.0
    }
}

/// One output file as it was left.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stamp {
    path: PathBuf,
    size: u64,
    modified: u128,
}

fn stamp(out: &Path, rel: &Path) -> Option<Stamp> {
    let meta = fs::metadata(out.join(rel)).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some(Stamp { path: rel.to_path_buf(), size: meta.len(), modified })
}

/// Where the record of runs into `out` is kept inside `dir`.
fn record_path(dir: &Path, out: &Path) -> PathBuf {
    let mut digest = Digest::default();
    let absolute = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    digest.add(absolute.to_string_lossy().as_bytes());
    dir.join(format!("run-{:016x}.txt", digest.value()))
}

/// What a trusted record says: the files it accounts for and the types they hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fresh {
    /// The files of the tree, all as the last run left them.
    pub files: usize,
    /// The types the last run generated.
    pub types: usize,
}

/// Whether the last run into `out` had the input digest `inputs` and left the tree as it is.
pub fn is_fresh(dir: &Path, out: &Path, inputs: u64) -> Option<Fresh> {
    let text = fs::read_to_string(record_path(dir, out)).ok()?;
    let mut lines = text.lines();
    let header = lines.next()?;
    let types = header.strip_prefix(&format!("modelgen-cache {GENERATOR} {inputs:016x} "))?;
    let types: usize = types.parse().ok()?;
    let mut count = 0;
    for line in lines {
        let mut parts = line.splitn(3, ' ');
        let size: u64 = parts.next()?.parse().ok()?;
        let modified: u128 = parts.next()?.parse().ok()?;
        let rel = Path::new(parts.next()?);
        let now = stamp(out, rel)?;
        if now.size != size || now.modified != modified {
            return None;
        }
        count += 1;
    }
    (crate::write::listing(out).ok()?.len() == count).then_some(Fresh { files: count, types })
}

/// Records the run that just left `files` (holding `types` types) in `out`; a failure to
/// record only costs speed.
pub fn record(dir: &Path, out: &Path, inputs: u64, files: &[PathBuf], types: usize) {
    let mut text = format!("modelgen-cache {GENERATOR} {inputs:016x} {types}\n");
    for rel in files {
        let Some(s) = stamp(out, rel) else { return };
        text.push_str(&format!("{} {} {}\n", s.size, s.modified, crate::diag::display_path(&s.path)));
    }
    let path = record_path(dir, out);
    let tmp = path.with_extension("tmp");
    let written = fs::create_dir_all(dir).and_then(|()| fs::write(&tmp, text)).and_then(|()| fs::rename(&tmp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Forgets the last run into `out`, before a run that may leave the tree half-written.
pub fn forget(dir: &Path, out: &Path) {
    let _ = fs::remove_file(record_path(dir, out));
}
