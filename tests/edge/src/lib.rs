//! Round trips through `edge-models`, the crate generated from `definitions/` beside this file:
//! the inputs that "What the generator handles without complaint" promises to generate.
//!
//! The crate is checked in and is a workspace member, so `cargo clippy --workspace` and
//! `cargo doc --workspace` judge it like any other; `generator/tests/edge_crate.rs` fails when
//! it is stale. Regenerate it from the workspace root with
//! `cargo xtask codegen --definitions tests/edge/definitions --out tests/edge/generated --name edge-models`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Reads `json` as a `T`, writes it back, and returns the value read, after asserting that the
/// JSON written is the JSON read, key for key.
///
/// # Panics
///
/// When the text does not read as a `T`, or does not come back as it went in.
pub fn round_trip<T: DeserializeOwned + Serialize>(json: &str) -> T {
    let read: T = match edge_models::from_json_str(json) {
        Ok(value) => value,
        Err(e) => panic!("{} does not read: {e}", std::any::type_name::<T>()),
    };
    let expected: Value = serde_json::from_str(json).expect("the test's JSON is valid");
    let written = serde_json::to_value(&read).expect("generated types always serialize");
    assert_eq!(written, expected, "{} does not come back unchanged", std::any::type_name::<T>());
    read
}
