//! read → check → emit over arbitrary input: never a panic, never Rust that does not parse.
//!
//! The body lives in `generator/tests/pipeline/mod.rs`, which `generator/tests/fuzz_replay.rs`
//! also runs over `seeds/` and `regressions/` during `cargo test`, so it cannot rot unseen.

#![no_main]

#[path = "../../tests/pipeline/mod.rs"]
mod pipeline;

libfuzzer_sys::fuzz_target!(|data: &[u8]| pipeline::run(data));
