//! Each class of "What the generator handles without complaint", read from JSON and written back.

use edge_models::{
    Builder, BuilderBuilder, Color, ColorBuilder, Default, EmptyKeeps, EnumValues, Error, Forest,
    Keys, Keywords, ListA, Recursive, SelfUpper, Tree, Uses, Value, Wide,
};
use edge_tests::round_trip;

#[test]
fn keywords_as_property_names() {
    let json = r#"{"self": "s", "crate": "c", "super": "p", "gen": "g", "type": "t", "ref": "r",
        "match": 1, "async": true, "await": "a", "dyn": "d", "try": "t", "fn": "f", "loop": "l",
        "box": "b", "macro": "m", "abstract": "a", "yield": "y", "union": "u", "static": "s",
        "builder": "b", "default": "d", "new": "n", "into": "i", "clone": "c", "fmt": "f",
        "from": "f", "asStr": "a", "serialize": "s", "deserialize": "d", "value": "v", "map": "m",
        "key": "k", "private": "p", "fieldIndex": "f", "some": "s", "none": "n"}"#;
    let read: Keywords = round_trip(json);
    assert_eq!(read.self_.as_deref(), Some("s"));
    assert_eq!(read.r#type, "t");
    assert_eq!(read.r#gen.as_deref(), Some("g"));
    assert_eq!(read.r#static, "s");

    let upper: SelfUpper = round_trip(r#"{"self": "S", "crate": 2}"#);
    assert_eq!((upper.self_.as_str(), upper.crate_), ("S", Some(2)));
}

#[test]
fn setters_named_like_the_builder_api() {
    let built = Keywords::builder()
        .builder("b")
        .default("d")
        .new("n")
        .into("i")
        .r#type("t")
        .r#static("s")
        .value("v")
        .private("p")
        .field_index("f")
        .some("s")
        .build()
        .expect("every required field is set");
    assert_eq!((built.builder.as_deref(), built.default.as_deref()), (Some("b"), Some("d")));

    let missing = Keywords::builder().r#type("t").build().unwrap_err();
    assert_eq!(missing.missing(), ["static", "value", "private", "field_index", "some"]);
}

#[test]
fn keys_no_identifier_can_spell() {
    let json = r#"{"$ref": "https://example.com/Users/1",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"type": "t", "static": "s",
            "value": "v", "private": "p", "fieldIndex": "f", "some": "s"},
        "A1": "a", "auth-token": "secret", "issuerURI": "https://idp", "1st": 1,
        "naïve café": "n", "a.b[0]": "d", "": "empty", "say \"hi\" \\ \n": "q"}"#;
    let read: Keys = round_trip(json);
    assert_eq!(read.r#ref.as_deref(), Some("https://example.com/Users/1"));
    assert_eq!(read.empty_key.as_deref(), Some("empty"));
    assert!(!format!("{read:?}").contains("secret"), "auth-token is sensitive");

    let err = edge_models::from_json_str::<Keys>(r#"{"a.b[0]": 5}"#).unwrap_err();
    assert_eq!(err.path(), r#"["a.b[0]"]"#);
}

#[test]
fn enum_values_that_are_not_identifiers() {
    let cases = [
        ("ar-AE", EnumValues::ArAe),
        ("dnc.com", EnumValues::DncCom),
        ("1", EnumValues::V1),
        ("image/png", EnumValues::ImagePng),
        ("Self", EnumValues::SelfValue),
        ("unknown", EnumValues::UnknownValue),
        ("None", EnumValues::None),
        ("", EnumValues::Empty),
        ("+1", EnumValues::PlusOne),
        ("-1", EnumValues::MinusOne),
        ("Some", EnumValues::Some),
        ("Err", EnumValues::Err),
        ("EnumValues", EnumValues::EnumValues),
        ("a b", EnumValues::AB),
        ("x y z w", EnumValues::XYZW),
        ("ok!", EnumValues::OKAY),
    ];
    for (wire, variant) in cases {
        let json = serde_json::to_string(wire).unwrap();
        assert_eq!(round_trip::<EnumValues>(&json), variant, "{wire:?}");
        assert_eq!(variant.as_str(), wire);
        assert_eq!(wire.parse::<EnumValues>(), Ok(variant));
    }
    let other: EnumValues = round_trip(r#""Unknown""#);
    assert_eq!(other, EnumValues::Unknown("Unknown".to_owned()));
}

#[test]
fn models_named_like_standard_types() {
    let json = r#"{"option": {"inner": "o"}, "result": {"inner": "r"}, "box": {"inner": "b"},
        "vec": [{"inner": "v"}], "default": {}, "value": "a", "duration": {"d": {"inner": "d"}},
        "error": "worse", "some": {"inner": "s"}, "ok": {}, "number": {"inner": "1"},
        "text": "t", "any": null, "when": "2024-02-29T12:00:00+01:00"}"#;
    let read: Uses = round_trip(json);
    assert_eq!(read.value, Some(Value::A));
    assert_eq!(read.error, Some(Error::Worse));
    assert_eq!(read.default, Some(Default::builder().build()));
    assert_eq!(read.any, Some(serde_json::Value::Null), "an explicit null is kept");
    round_trip::<Uses>(r#"{"option": {}}"#);
}

#[test]
fn builder_names() {
    let builder: BuilderBuilder = Builder::builder();
    assert_eq!(builder.inner("x").build().inner.as_deref(), Some("x"));
    let model = ColorBuilder::builder().color(Color::Red).build().expect("color is set");
    assert_eq!(round_trip::<ColorBuilder>(r#"{"color": "red"}"#), model);
}

#[test]
fn recursion_through_plain_fields_and_lists() {
    let json = r#"{"next": {"next": {"label": "deep"}, "children": [{"label": "c"}]},
        "byName": {"k": {"leaf": {"weight": 1.5, "tags": []}}}, "label": "top"}"#;
    let read: Recursive = round_trip(json);
    let _boxed_only_where_the_cycle_needs_it: (
        &Option<Box<Recursive>>,
        &Option<Vec<Recursive>>,
        &Option<edge_models::Leaf>,
    ) = (&read.next, &read.children, &read.leaf);
    let next: &Recursive = read.next.as_deref().expect("next is set");
    assert_eq!(next.next.as_ref().and_then(|n| n.label.as_deref()), Some("deep"));

    let tree: Tree = round_trip(r#"{"forest": {"tree": {"leaf": {}}, "name": "f"}, "leaf": {}}"#);
    let _: (&Option<Box<Forest>>, &edge_models::Leaf) = (&tree.forest, &tree.leaf);
    let forest: &Forest = tree.forest.as_deref().expect("forest is set");
    assert!(forest.tree.is_some());

    let lists: ListA = round_trip(r#"{"items": [{"parents": {"p": [{"items": []}]}, "id": 1}]}"#);
    let _not_boxed: &Vec<edge_models::ListB> = &lists.items;
}

#[test]
fn no_properties() {
    round_trip::<edge_models::Empty>("{}");
    let ignored: edge_models::Empty = edge_models::from_json_str(r#"{"x": 1}"#).unwrap();
    assert_eq!(serde_json::to_string(&ignored).unwrap(), "{}");
    let kept: EmptyKeeps = round_trip(r#"{"x": 1, "y": [true, null]}"#);
    assert_eq!(kept.additional_properties.len(), 2);
}

#[test]
fn two_hundred_and_forty_properties() {
    let values = [
        r#""s""#, "1", "1.5", "true", r#""2024-02-29""#, r#""2024-02-29T12:00:00Z""#,
        r#""2024-02-29T12:00:00""#, r#"{"any": [1]}"#, r#"["a"]"#, r#"{"k": 1}"#, "{}", r#""dnc.com""#,
    ];
    let members: Vec<String> = (1..=240)
        .map(|i| format!(r#""field{i}": {}"#, values[i % values.len()]))
        .collect();
    let read: Wide = round_trip(&format!("{{{}}}", members.join(", ")));
    assert_eq!(read.field_7, serde_json::json!({"any": [1]}), "required and an object");

    let err = edge_models::from_json_str::<Wide>("{}").unwrap_err();
    assert!(err.message().contains("field7"), "{}", err.message());
}
