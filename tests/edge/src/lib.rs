//! Round trips through `edge-models`, the crate generated from `definitions/` beside this file:
//! the inputs that "What the generator handles without complaint" promises to generate.
//!
//! Names the generated API uses itself: a property may be called `builder`, `default`, `new` or
//! `into` (fields and methods live apart, and the builder's setters never shadow a trait
//! method the generated code calls); `build`, and `additional_property` on a model that keeps
//! unknown members, would duplicate a builder method and are rejected with a hint, as is a
//! type named `<Model>Builder` beside the model `<Model>` (see `generator/tests/fixtures/reject`).
//!
//! The crate is checked in and is a workspace member, so `cargo clippy --workspace` and
//! `cargo doc --workspace` judge it like any other; `generator/xtask/tests/fresh.rs` fails when
//! it is stale. `cargo xtask codegen` regenerates it with the other checked-in crates; alone,
//! from the workspace root, it is `cargo xtask codegen --definitions tests/edge/definitions
//! --out tests/edge/generated --name edge-models`.

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
