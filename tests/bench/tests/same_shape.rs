//! The benchmark compares like with like: every kind reads each payload to the same data.

use scim_bench::baseline::{derive, flatten};
use scim_bench::PAYLOADS;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// What a type writes back after reading `bytes`, as a JSON value.
fn round_trip<T: Serialize + DeserializeOwned>(bytes: &[u8]) -> Value {
    let model: T = serde_json::from_slice(bytes).expect("the payload fits the type");
    serde_json::to_value(&model).expect("the model writes")
}

/// Checks that the kinds that drop unknown members agree with each other, and so do the
/// kinds that keep them; and that keeping them loses nothing of the payload.
fn agree<D, F, P, K, C, S>(name: &str)
where
    D: Serialize + DeserializeOwned,
    F: Serialize + DeserializeOwned,
    P: Serialize + DeserializeOwned,
    K: Serialize + DeserializeOwned,
    C: Serialize + DeserializeOwned,
    S: Serialize + DeserializeOwned,
{
    let payload = PAYLOADS
        .iter()
        .find(|p| p.name == name)
        .expect("a known payload");
    let bytes = payload
        .bytes()
        .expect("the SCIM fixtures are in tests/fixtures/scim");
    let dropped = round_trip::<D>(&bytes);
    assert_eq!(
        round_trip::<P>(&bytes),
        dropped,
        "{name}: plain differs from derive"
    );
    assert_eq!(
        round_trip::<C>(&bytes),
        dropped,
        "{name}: ci differs from derive"
    );

    let kept = round_trip::<F>(&bytes);
    assert_ne!(
        kept, dropped,
        "{name}: the payload should have unknown members"
    );
    assert_eq!(
        round_trip::<K>(&bytes),
        kept,
        "{name}: keep differs from derive-flatten"
    );
    assert_eq!(
        round_trip::<S>(&bytes),
        kept,
        "{name}: shipped differs from derive-flatten"
    );
}

#[test]
fn user_reads_alike() {
    agree::<
        derive::User,
        flatten::User,
        scim_plain::ScimV2User,
        scim_keep::ScimV2User,
        scim_ci::ScimV2User,
        genesys_scim::ScimV2User,
    >("user");
}

#[test]
fn group_reads_alike() {
    agree::<
        derive::Group,
        flatten::Group,
        scim_plain::ScimV2Group,
        scim_keep::ScimV2Group,
        scim_ci::ScimV2Group,
        genesys_scim::ScimV2Group,
    >("group");
}

#[test]
fn patch_reads_alike() {
    let bytes = PAYLOADS[2]
        .bytes()
        .expect("the SCIM fixtures are in tests/fixtures/scim");
    let plain = round_trip::<scim_plain::ScimV2PatchRequest>(&bytes);
    assert_eq!(plain, round_trip::<derive::PatchRequest>(&bytes));
    assert_eq!(round_trip::<scim_keep::ScimV2PatchRequest>(&bytes), plain);
    assert_eq!(round_trip::<scim_ci::ScimV2PatchRequest>(&bytes), plain);
    assert_eq!(
        round_trip::<genesys_scim::ScimV2PatchRequest>(&bytes),
        plain
    );
    assert_eq!(round_trip::<flatten::PatchRequest>(&bytes), plain);
}
