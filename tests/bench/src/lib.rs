//! The run-time benchmark of the generated SCIM types (`cargo bench -p scim-bench`, or
//! `cargo xtask bench --only runtime` for the table).
//!
//! It compares, on the same payloads and in one criterion run, the shipped `genesys-scim`
//! crate (unknown members kept, keys matched ignoring case), three crates generated from
//! copies of the same definitions with those flags off (`scim-plain`, `scim-keep`,
//! `scim-ci`), hand-written `#[derive(Serialize, Deserialize)]` structs of the same shape
//! ([`baseline`]), and `serde_json::Value`.

pub mod baseline;

use std::path::PathBuf;

/// One payload the benchmark reads and writes.
pub struct Payload {
    /// The name in criterion's group ids: `user` gives `user-read` and `user-write`.
    pub name: &'static str,
    /// The file under `tests/fixtures/scim/`.
    pub file: &'static str,
}

/// A SCIM user with both extensions, a group of 3,500 members, a PATCH request.
pub const PAYLOADS: [Payload; 3] = [
    Payload {
        name: "user",
        file: "genesys-user-full-extensions.json",
    },
    Payload {
        name: "group",
        file: "quirk-large-group-3500-members.json",
    },
    Payload {
        name: "patch",
        file: "genesys-patch-routing-skills.json",
    },
];

impl Payload {
    /// The payload's bytes, exactly as stored.
    pub fn bytes(&self) -> std::io::Result<Vec<u8>> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/scim");
        std::fs::read(dir.join(self.file))
    }
}
