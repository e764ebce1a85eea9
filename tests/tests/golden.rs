//! The golden crate (`tests/golden/generated`, from `tests/golden/definitions`) uses every key
//! of the format once; its files are compared byte for byte with what the generator makes
//! today, it is compiled with the workspace, and here it is read and written back.

use golden_models::{Colour, Pet, PetKind, Tag};
use serde_json::{json, Value};
use std::path::Path;

#[test]
fn golden_files_are_what_the_generator_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ is in the workspace");
    let options = modelgen::Options::in_workspace(
        root,
        Path::new("tests/golden/definitions"),
        Path::new("tests/golden/generated"),
        "golden-models",
    );
    let files = modelgen::generate(&options).unwrap_or_else(|f| panic!("{f}"));
    let bless = std::env::var_os("MODELGEN_BLESS").is_some_and(|v| v == "1");
    let mut differ = Vec::new();
    for file in &files {
        let path = options.out.join(&file.path);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != file.contents {
            if bless {
                std::fs::write(&path, &file.contents).expect("the golden file is writable");
            } else {
                differ.push(file.path.display().to_string());
            }
        }
    }
    assert!(
        differ.is_empty(),
        "golden files differ: {}\nrerun with MODELGEN_BLESS=1 to accept the new output",
        differ.join(", ")
    );
    let names: Vec<String> = files.iter().map(|f| f.path.display().to_string()).collect();
    assert_eq!(
        names,
        [
            "Cargo.toml",
            "src/colour.rs",
            "src/lib.rs",
            "src/pet.rs",
            "src/pet_kind.rs",
            "src/support.rs",
            "src/tag.rs",
        ]
    );
}

fn pet_json() -> Value {
    json!({
        "name": "Tom",
        "kind": "guinea-pig",
        "colour": "+1",
        "chipToken": "0451",
        "born": "2020-02-29T12:00:00.123456789+01:00",
        "birthday": "2020-02-29",
        "fedAt": "2024-01-08T09:30:00.5",
        "weight": 1.25,
        "age": 4,
        "tags": [{"label": "a", "parent": {"label": "root"}, "children": []}],
        "scores": {"b": 2, "a": 1},
        "extra": null,
        "$ref": "../Pets/1",
        "urn:example:owner": "Ada",
        "nickname": "Tommy"
    })
}

#[test]
fn every_kind_of_field_round_trips() {
    let pet: Pet = serde_json::from_value(pet_json()).expect("the pet reads");

    assert_eq!(pet.kind, Some(PetKind::GuineaPig));
    assert_eq!(pet.colour, Some(Colour::PlusOne));
    assert_eq!(pet.age, 4);
    assert_eq!(pet.extra, Some(Value::Null), "an explicit null is kept apart from absence");
    assert_eq!(pet.r#ref.as_deref(), Some("../Pets/1"));
    assert_eq!(pet.owner_urn.as_deref(), Some("Ada"));
    assert_eq!(pet.born.map(|b| b.timestamp_subsec_nanos()), Some(123_456_789));
    assert_eq!(pet.birthday.map(|d| d.to_string()).as_deref(), Some("2020-02-29"));
    assert_eq!(pet.additional_properties.get("nickname"), Some(&json!("Tommy")));
    let tag: &Tag = &pet.tags.as_ref().expect("tags are present")[0];
    assert_eq!(tag.parent.as_ref().and_then(|p| p.label.as_deref()), Some("root"));

    let back = serde_json::to_value(&pet).expect("the pet writes");
    // chrono writes fractions of a second in groups of three digits: the same time of day.
    let mut expected = pet_json();
    expected["fedAt"] = json!("2024-01-08T09:30:00.500");
    assert_eq!(back, expected);
}

#[test]
fn keys_and_kind_match_ignoring_case() {
    let pet: Pet = serde_json::from_value(json!({"NAME": "Tom", "Age": 1, "KIND": "Dog"}))
        .expect("keys and kind match ignoring case");
    assert_eq!(pet.name, "Tom");
    assert_eq!(pet.kind, Some(PetKind::Dog));
    assert_eq!(
        serde_json::to_value(&pet).expect("writes"),
        json!({"name": "Tom", "kind": "dog", "age": 1})
    );
}

#[test]
fn colour_values_are_exact_and_unknown_ones_are_kept() {
    let read: Vec<Colour> = serde_json::from_str(r#"["black", "Black", "unknown", ""]"#).expect("reads");
    assert_eq!(
        read,
        [
            Colour::Black,
            Colour::Unknown("Black".to_owned()),
            Colour::UnknownValue,
            Colour::Unknown(String::new()),
        ]
    );
    assert_eq!(read[1].as_str(), "Black");
    assert_eq!(serde_json::to_string(&read).expect("writes"), r#"["black","Black","unknown",""]"#);
    assert_eq!("ginger".parse::<Colour>(), Ok(Colour::Ginger));
    assert_eq!(Colour::PlusOne.to_string(), "+1");
}

#[test]
fn the_sensitive_field_is_hidden_from_debug() {
    let pet = Pet::builder().name("Tom").age(1).chip_token("0451").build().expect("builds");
    let shown = format!("{pet:?}");
    assert!(!shown.contains("0451"), "{shown}");
    assert!(shown.contains("chip_token: Some(\"<redacted>\")"), "{shown}");
}

#[test]
fn missing_required_fields_are_errors_naming_the_key() {
    let error = golden_models::from_json_str::<Pet>(r#"{"name": "Tom"}"#).unwrap_err();
    assert_eq!(error.path(), "");
    assert!(error.message().starts_with("missing field `age`"), "{error}");
    let error = Pet::builder().build().unwrap_err();
    assert_eq!(error.missing(), ["name", "age"]);
}

#[test]
fn a_bad_date_says_what_was_expected() {
    let error = golden_models::from_json_str::<Pet>(
        r#"{"name": "Tom", "age": 1, "born": "2020-02-29T12:00:00"}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), "born");
    assert!(
        error.message().starts_with(
            "invalid value: string \"2020-02-29T12:00:00\", expected an RFC 3339 date-time with an offset"
        ),
        "{error}"
    );
}
