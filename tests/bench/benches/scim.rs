//! Reading and writing the SCIM payloads with every kind of type, side by side: one criterion
//! group per payload and direction (`user-read`, `group-write`, …), one function per kind.
//!
//! Throughput is counted in the payload's bytes: the stored file for reading, the compact
//! JSON of the whole payload for writing, the same for every kind in a group, so that the
//! MB/s of two kinds compare as their times do.

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use scim_bench::baseline::{derive, flatten};
use scim_bench::{Payload, PAYLOADS};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::hint::black_box;

fn read<T: DeserializeOwned>(group: &mut BenchmarkGroup<'_, WallTime>, id: &str, bytes: &[u8]) {
    group.bench_function(id, |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(bytes)).expect("the payload fits the type"))
    });
}

fn write<T: Serialize + DeserializeOwned>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: &str,
    bytes: &[u8],
) {
    let value: T = serde_json::from_slice(bytes).expect("the payload fits the type");
    let mut out = Vec::with_capacity(bytes.len() * 2);
    group.bench_function(id, |b| {
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, black_box(&value)).expect("writing to memory works");
        })
    });
}

/// The kinds of one payload: derive, derive with flatten, Value, then the generated crates
/// with no flag, unknown members kept, keys ignoring case, and both (as shipped).
trait Kinds {
    type Derive: Serialize + DeserializeOwned;
    type Flatten: Serialize + DeserializeOwned;
    type Plain: Serialize + DeserializeOwned;
    type Keep: Serialize + DeserializeOwned;
    type IgnoreCase: Serialize + DeserializeOwned;
    type Shipped: Serialize + DeserializeOwned;
}

struct User;
struct Group;
struct Patch;

impl Kinds for User {
    type Derive = derive::User;
    type Flatten = flatten::User;
    type Plain = scim_plain::ScimV2User;
    type Keep = scim_keep::ScimV2User;
    type IgnoreCase = scim_ci::ScimV2User;
    type Shipped = genesys_scim::ScimV2User;
}

impl Kinds for Group {
    type Derive = derive::Group;
    type Flatten = flatten::Group;
    type Plain = scim_plain::ScimV2Group;
    type Keep = scim_keep::ScimV2Group;
    type IgnoreCase = scim_ci::ScimV2Group;
    type Shipped = genesys_scim::ScimV2Group;
}

impl Kinds for Patch {
    type Derive = derive::PatchRequest;
    type Flatten = flatten::PatchRequest;
    type Plain = scim_plain::ScimV2PatchRequest;
    type Keep = scim_keep::ScimV2PatchRequest;
    type IgnoreCase = scim_ci::ScimV2PatchRequest;
    type Shipped = genesys_scim::ScimV2PatchRequest;
}

fn payload<K: Kinds>(c: &mut Criterion, payload: &Payload) {
    let bytes = payload
        .bytes()
        .expect("the SCIM fixtures are in tests/fixtures/scim");
    let whole: Value = serde_json::from_slice(&bytes).expect("the fixture is JSON");
    let compact = serde_json::to_vec(&whole)
        .expect("writing to memory works")
        .len();

    let mut group = c.benchmark_group(format!("{}-read", payload.name));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    read::<K::Derive>(&mut group, "derive", &bytes);
    read::<K::Flatten>(&mut group, "derive-flatten", &bytes);
    read::<Value>(&mut group, "value", &bytes);
    read::<K::Plain>(&mut group, "plain", &bytes);
    read::<K::Keep>(&mut group, "keep", &bytes);
    read::<K::IgnoreCase>(&mut group, "ci", &bytes);
    read::<K::Shipped>(&mut group, "shipped", &bytes);
    group.finish();

    let mut group = c.benchmark_group(format!("{}-write", payload.name));
    group.throughput(Throughput::Bytes(compact as u64));
    write::<K::Derive>(&mut group, "derive", &bytes);
    write::<K::Flatten>(&mut group, "derive-flatten", &bytes);
    write::<Value>(&mut group, "value", &bytes);
    write::<K::Plain>(&mut group, "plain", &bytes);
    write::<K::Keep>(&mut group, "keep", &bytes);
    write::<K::IgnoreCase>(&mut group, "ci", &bytes);
    write::<K::Shipped>(&mut group, "shipped", &bytes);
    group.finish();
}

fn scim(c: &mut Criterion) {
    let [user, group, patch] = &PAYLOADS;
    payload::<User>(c, user);
    payload::<Group>(c, group);
    payload::<Patch>(c, patch);
}

criterion_group!(benches, scim);
criterion_main!(benches);
