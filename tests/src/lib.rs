//! Support for the tests that read the SCIM case files of `fixtures/scim/` through the
//! generated `genesys-scim` crate and judge them by the rules of `fixtures/scim/LOG.md`.
//!
//! The fixtures are copies kept in this repository, so the tests need nothing outside it.

pub mod compare;
pub mod shapes;

use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub use compare::{rt_canon, rt_exact, rt_model, Difference};
pub use shapes::Model;

/// The path of the SCIM case file `name` (for example `rfc7643-8.1-minimal-user.json`).
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("scim")
        .join(name)
}

/// The text of the SCIM case file `name`, exactly as stored.
///
/// # Panics
///
/// If the file cannot be read: the test cannot run without it.
#[track_caller]
pub fn fixture_text(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read fixture {}: {error}", path.display()))
}

/// A case file read the way the generated crate's users read one, together with the JSON
/// it was read from and the JSON the model writes back.
#[derive(Debug)]
pub struct Case<T> {
    /// The model read from the file.
    pub model: T,
    /// The file's JSON as a plain value, the reference for every round-trip rule.
    pub original: Value,
    /// `serde_json::to_value` of `model`.
    pub output: Value,
}

/// Reads the case file `name` as `T` through `genesys_scim::from_json_str`, and writes it
/// back.
///
/// # Panics
///
/// If the file is not valid JSON, does not read as `T` (the message carries the JSON path
/// of the failure), or cannot be written back.
#[track_caller]
pub fn read_case<T: DeserializeOwned + Serialize>(name: &str) -> Case<T> {
    let text = fixture_text(name);
    let original: Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{name} is not valid JSON: {error}"));
    let model: T = genesys_scim::from_json_str(&text)
        .unwrap_or_else(|error| panic!("{name} does not read as the model: {error}"));
    let output = serde_json::to_value(&model)
        .unwrap_or_else(|error| panic!("{name} cannot be written back: {error}"));
    Case {
        model,
        original,
        output,
    }
}

impl<T> Case<T> {
    /// Asserts rule RT-exact: see [`rt_exact`].
    ///
    /// # Panics
    ///
    /// With the first differing path and both values.
    #[track_caller]
    pub fn assert_rt_exact(&self) {
        if let Err(difference) = rt_exact(&self.original, &self.output) {
            panic!("RT-exact does not hold: {difference}");
        }
    }

    /// Asserts rule RT-model against the known keys of `model`: see [`rt_model`].
    ///
    /// # Panics
    ///
    /// With the first differing path and both values.
    #[track_caller]
    pub fn assert_rt_model(&self, model: &'static Model) {
        if let Err(difference) = rt_model(&self.original, &self.output, model) {
            panic!("RT-model ({}) does not hold: {difference}", model.name);
        }
    }

    /// Asserts rule RT-canon against the known keys of `model`: see [`rt_canon`].
    ///
    /// # Panics
    ///
    /// With the first differing path and both values.
    #[track_caller]
    pub fn assert_rt_canon(&self, model: &'static Model) {
        if let Err(difference) = rt_canon(&self.original, &self.output, model) {
            panic!("RT-canon ({}) does not hold: {difference}", model.name);
        }
    }
}
