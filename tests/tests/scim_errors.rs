//! Rules E and T of `fixtures/scim/LOG.md` on payloads written here, since every case file
//! reads: a payload that does not fit its model is an error naming the JSON path of the
//! failure and both the expected and the actual type, never a panic or a partial object.

use genesys_scim::{
    from_json_str, JsonError, ScimError, ScimV2Group, ScimV2PatchRequest, ScimV2User,
};

const ENTERPRISE_USER: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GENESYS_USER: &str = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User";

/// Asserts that `error` is a type mismatch at `path` whose message names the `actual` JSON
/// type and, after "expected", one of the spellings in `expected`.
fn assert_type_error(error: &JsonError, path: &str, actual: &str, expected: &[&str]) {
    assert_eq!(error.path(), path, "wrong path in: {error}");

    let message = error.message().to_string();
    assert!(
        message.starts_with(&format!("invalid type: {actual}")),
        "the message should name the actual type {actual}: {message}"
    );
    let (_, wanted) = message
        .split_once("expected")
        .expect("the message says what it expected");
    assert!(
        expected.iter().any(|spelling| wanted.contains(spelling)),
        "the message should name one of {expected:?} as expected: {message}"
    );

    assert_eq!(error.to_string(), format!("{path}: {message}"));
}

#[test]
fn a_string_where_the_manager_object_belongs() {
    let text = format!(r#"{{"userName": "a", "{ENTERPRISE_USER}": {{"manager": "Corin"}}}}"#);

    let error = from_json_str::<ScimV2User>(&text).expect_err("manager must be an object");
    let path = format!(r#"["{ENTERPRISE_USER}"].manager"#);
    assert_type_error(
        &error,
        &path,
        r#"string "Corin""#,
        &["map", "struct", "object"],
    );
}

#[test]
fn a_string_where_a_boolean_belongs() {
    let error = from_json_str::<ScimV2User>(r#"{"userName": "a", "active": "True"}"#)
        .expect_err("\"True\" is not a boolean");

    assert_type_error(&error, "active", r#"string "True""#, &["bool"]);
}

#[test]
fn a_number_where_a_boolean_belongs() {
    let error = from_json_str::<ScimV2User>(r#"{"active": 1}"#).expect_err("1 is not a boolean");

    assert_type_error(&error, "active", "integer `1`", &["bool"]);
}

#[test]
fn a_number_where_a_string_belongs_inside_a_list() {
    let text = r#"{"emails": [{"value": "a@example.com"}, {"value": 42, "type": "work"}]}"#;

    let error = from_json_str::<ScimV2User>(text).expect_err("an e-mail address is text");
    assert_type_error(&error, "emails[1].value", "integer `42`", &["string"]);
}

#[test]
fn a_string_where_an_object_belongs() {
    let error =
        from_json_str::<ScimV2User>(r#"{"meta": "User"}"#).expect_err("meta must be an object");

    assert_type_error(
        &error,
        "meta",
        r#"string "User""#,
        &["map", "struct", "object"],
    );
}

#[test]
fn an_object_where_a_list_belongs() {
    let error = from_json_str::<ScimV2User>(r#"{"emails": {"value": "a@example.com"}}"#)
        .expect_err("emails must be a list");

    assert_type_error(&error, "emails", "map", &["sequence", "list", "array"]);
}

#[test]
fn a_string_where_a_float_belongs_under_a_quoted_key() {
    let skills = r#"{"routingSkills": [{"name": "Billing", "proficiency": "high"}]}"#;
    let text = format!(r#"{{"{GENESYS_USER}": {skills}}}"#);

    let error = from_json_str::<ScimV2User>(&text).expect_err("a proficiency is a number");
    let path = format!(r#"["{GENESYS_USER}"].routingSkills[0].proficiency"#);
    assert_type_error(
        &error,
        &path,
        r#"string "high""#,
        &["f64", "float", "number"],
    );
}

#[test]
fn null_where_a_required_string_belongs() {
    let error = from_json_str::<ScimV2Group>(r#"{"displayName": null}"#)
        .expect_err("a group's displayName is required");

    assert_type_error(&error, "displayName", "null", &["string"]);
}

#[test]
fn a_date_time_without_an_offset() {
    let dated = |stamp: &str| format!(r#"{{"meta": {{"lastModified": "{stamp}"}}}}"#);

    // Assuming UTC would quietly move the instant for a sender in any other zone (rule D).
    let error = from_json_str::<ScimV2User>(&dated("2011-05-13T04:42:34"))
        .expect_err("a date-time needs an offset");
    assert_eq!(error.path(), "meta.lastModified", "wrong path in: {error}");
    assert!(!error.message().to_string().is_empty());
    assert_eq!(
        error.to_string(),
        format!("meta.lastModified: {}", error.message())
    );

    let user = from_json_str::<ScimV2User>(&dated("2011-05-13T04:42:34Z"))
        .expect("the same stamp with an offset reads");
    assert!(user.meta.and_then(|meta| meta.last_modified).is_some());
}

// The path names the second key, spelt as sent, so that it can be found in the payload;
// the message names the model's key.
#[test]
fn two_keys_differing_only_in_case_at_the_root() {
    let error = from_json_str::<ScimV2User>(r#"{"userName": "a", "UserName": "b"}"#)
        .expect_err("keys are case-insensitive, so this object names userName twice");

    assert_eq!(error.path(), "UserName", "wrong path in: {error}");
    let message = error.message().to_string();
    assert!(message.contains("duplicate field `userName`"), "{message}");
}

#[test]
fn two_keys_differing_only_in_case_in_a_nested_object() {
    let text = format!(
        r#"{{"{ENTERPRISE_USER}": {{"manager": {{"$ref": "../Users/1", "$REF": "../Users/2"}}}}}}"#
    );

    let error = from_json_str::<ScimV2User>(&text).expect_err("$ref is named twice");
    let path = format!(r#"["{ENTERPRISE_USER}"].manager.$REF"#);
    assert_eq!(error.path(), path, "wrong path in: {error}");
    let message = error.message().to_string();
    assert!(message.contains("duplicate field `$ref`"), "{message}");
}

#[test]
fn two_keys_differing_only_in_case_in_a_list_element() {
    let text = r#"{"emails": [{"value": "a@example.com"}, {"Value": "b", "VALUE": "c"}]}"#;

    let error = from_json_str::<ScimV2User>(text).expect_err("value is named twice");
    assert_eq!(error.path(), "emails[1].VALUE", "wrong path in: {error}");
    let message = error.message().to_string();
    assert!(message.contains("duplicate field `value`"), "{message}");
}

#[test]
fn a_patch_request_without_schemas() {
    let text = r#"{"Operations": [{"op": "add", "path": "members", "value": []}]}"#;

    let error = from_json_str::<ScimV2PatchRequest>(text).expect_err("schemas is required");
    assert_eq!(
        error.path(),
        "",
        "the missing field belongs to the root: {error}"
    );
    assert!(
        error
            .message()
            .to_string()
            .contains("missing field `schemas`"),
        "{error}"
    );
}

#[test]
fn a_patch_operation_without_op() {
    let text = r#"{"schemas": [], "Operations": [{"op": "add"}, {"path": "members"}]}"#;

    let error = from_json_str::<ScimV2PatchRequest>(text).expect_err("op is required");
    assert_eq!(error.path(), "Operations[1]", "wrong path in: {error}");
    assert!(
        error.message().to_string().contains("missing field `op`"),
        "{error}"
    );
}

#[test]
fn a_number_where_the_op_belongs() {
    let text = r#"{"schemas": [], "Operations": [{"op": 1, "path": "members"}]}"#;

    let error = from_json_str::<ScimV2PatchRequest>(text).expect_err("op is text");
    assert_type_error(
        &error,
        "Operations[0].op",
        "integer `1`",
        &["string", "add"],
    );
}

#[test]
fn a_numeric_error_status_is_normalised_or_rejected_clearly() {
    // Rule T allows either answer for ScimError.status alone; both are checked in full.
    match from_json_str::<ScimError>(r#"{"status": 400, "detail": "bad"}"#) {
        Ok(error) => assert_eq!(error.status.as_deref(), Some("400")),
        Err(error) => assert_type_error(&error, "status", "integer `400`", &["string"]),
    }
}

#[test]
fn invalid_json_text_is_an_error() {
    // The broken shapes the sources really had: a trailing comma, a line break inside a
    // string, a missing comma, a truncated fragment, and junk.
    let broken = [
        (r#"{"userName": "a", "active": true,}"#, "trailing comma"),
        ("{\"displayName\": \"two\nlines\"}", "control character"),
        (r#"{"userName": "a" "active": true}"#, "expected `,` or `}`"),
        (r#"{"userName": "a", "emails": [{"value": "#, "EOF"),
        ("Post junk", "expected value"),
        ("", "EOF"),
    ];

    for (text, symptom) in broken {
        let error = from_json_str::<ScimV2User>(text).expect_err("the text is not JSON");
        assert!(
            error.message().to_string().contains(symptom),
            "{text:?} gave: {error}"
        );
        assert!(
            serde_json::from_str::<ScimV2User>(text).is_err(),
            "{text:?} read via serde"
        );
    }
}
