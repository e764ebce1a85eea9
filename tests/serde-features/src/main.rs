//! The generated crate switches on no serde_json feature of its own, and must still read and
//! write correctly when another crate in the build switches on `preserve_order` and
//! `arbitrary_precision`. This reads every SCIM case with both on and writes it back.
//!
//! Run it with `cargo run --manifest-path tests/serde-features/Cargo.toml` (CI does).

use genesys_scim::{
    ScimConfigResourceType, ScimConfigResourceTypesListResponse, ScimError,
    ScimServiceProviderConfig, ScimUserListResponse, ScimV2Group, ScimV2PatchRequest,
    ScimV2SchemaDefinition, ScimV2SchemaListResponse, ScimV2User,
};
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

/// The model of each case, by the prefix rules of `tests/fixtures/scim/LOG.md`.
fn model_of(name: &str) -> &'static str {
    let table = [
        ("patch", "ScimV2PatchRequest"),
        ("schema-purecloud", "ScimV2SchemaDefinition"),
        ("8.7.1", "ScimV2SchemaDefinition"),
        ("schemas-list", "ScimV2SchemaListResponse"),
        ("resource-types-list", "ScimConfigResourceTypesListResponse"),
        ("8.6-resource-type", "ScimConfigResourceType"),
        ("service-provider-config", "ScimServiceProviderConfig"),
        ("error", "ScimError"),
        ("list-response", "ScimUserListResponse"),
        ("group", "ScimV2Group"),
    ];
    table.iter().find(|(key, _)| name.contains(key)).map_or("ScimV2User", |(_, model)| model)
}

fn round_trip<T>(text: &str) -> Result<Value, String>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let model: T = genesys_scim::from_json_str(text).map_err(|e| e.to_string())?;
    serde_json::to_value(&model).map_err(|e| e.to_string())
}

/// Equal as JSON, with numbers compared by value: under `arbitrary_precision`, `3` and `3.0`
/// are different `Number`s, but the same number.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn main() -> ExitCode {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/scim");
    let mut entries: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    entries.retain(|p| p.extension().is_some_and(|e| e == "json"));
    entries.sort();

    let (mut exact, mut differ, mut failed) = (0, 0, 0);
    for path in &entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let written = match model_of(&name) {
            "ScimV2PatchRequest" => round_trip::<ScimV2PatchRequest>(&text),
            "ScimV2SchemaDefinition" => round_trip::<ScimV2SchemaDefinition>(&text),
            "ScimV2SchemaListResponse" => round_trip::<ScimV2SchemaListResponse>(&text),
            "ScimConfigResourceTypesListResponse" => round_trip::<ScimConfigResourceTypesListResponse>(&text),
            "ScimConfigResourceType" => round_trip::<ScimConfigResourceType>(&text),
            "ScimServiceProviderConfig" => round_trip::<ScimServiceProviderConfig>(&text),
            "ScimError" => round_trip::<ScimError>(&text),
            "ScimUserListResponse" => round_trip::<ScimUserListResponse>(&text),
            "ScimV2Group" => round_trip::<ScimV2Group>(&text),
            _ => round_trip::<ScimV2User>(&text),
        };
        let original: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        match written {
            Ok(value) if same(&value, &original) => exact += 1,
            Ok(_) => differ += 1,
            Err(e) => {
                eprintln!("{name}: {e}");
                failed += 1;
            }
        }
    }
    // Some cases may only come back canonically (keys in canonical case, `op` lower-cased,
    // date-times in another spelling), as LOG.md allows; none may fail to read.
    println!("serde features: {exact} passed, {failed} failed");
    println!("({} cases read, {exact} came back exactly, {differ} canonically)", entries.len());
    if failed == 0 && entries.len() == 45 && exact > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
