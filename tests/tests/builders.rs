//! Builders: setters in any order, `build` that names every required field still unset, and
//! infallible `build` for models with none.

use genesys_scim::{
    BuildError, ScimEmail, ScimEmailType, ScimV2CreateUser, ScimV2PatchOperation,
    ScimV2PatchOperationOp, ScimV2PatchRequest,
};
use serde_json::json;

#[test]
fn every_missing_required_field_is_named_at_once() {
    let error: BuildError = ScimV2CreateUser::builder().active(true).build().unwrap_err();

    assert_eq!(error.type_name(), "ScimV2CreateUser");
    assert_eq!(error.missing(), ["user_name", "display_name"]);
    assert_eq!(
        error.to_string(),
        "cannot build ScimV2CreateUser: required fields not set: `user_name`, `display_name`"
    );
    let as_error: &dyn std::error::Error = &error;
    assert!(as_error.source().is_none());
}

#[test]
fn only_the_fields_still_unset_are_named() {
    let error = ScimV2CreateUser::builder().display_name("Ada").build().unwrap_err();
    assert_eq!(error.missing(), ["user_name"]);
    assert_eq!(
        error.to_string(),
        "cannot build ScimV2CreateUser: required field not set: `user_name`"
    );
}

#[test]
fn setters_take_the_inner_type_in_any_order() {
    let user = ScimV2CreateUser::builder()
        .password("s3cret")
        .display_name(String::from("Ada"))
        .emails(vec![ScimEmail::builder().value("ada@example.com").r#type(ScimEmailType::Work).build()])
        .user_name("ada@example.com")
        .active(true)
        .build()
        .expect("both required fields are set");

    assert_eq!(user.user_name, "ada@example.com");
    assert_eq!(user.display_name, "Ada");
    assert_eq!(user.active, Some(true));
    assert_eq!(user.title, None);
    let body = serde_json::to_value(&user).expect("a user serialises");
    assert_eq!(
        body,
        json!({
            "active": true,
            "userName": "ada@example.com",
            "displayName": "Ada",
            "password": "s3cret",
            "emails": [{"value": "ada@example.com", "type": "work"}],
        })
    );
}

#[test]
fn a_model_with_no_required_field_builds_infallibly() {
    let email: ScimEmail = ScimEmail::builder().primary(false).build();
    assert_eq!(email.primary, Some(false));
    assert_eq!(serde_json::to_string(&email).expect("serialises"), r#"{"primary":false}"#);
}

#[test]
fn unknown_members_can_be_added_and_are_written_after_the_fields() {
    let op = ScimV2PatchOperation::builder()
        .op(ScimV2PatchOperationOp::Replace)
        .value(json!({"active": false}))
        .additional_property("note", "kept")
        .build()
        .expect("op is set");
    let request = ScimV2PatchRequest::builder()
        .schemas(vec!["urn:ietf:params:scim:api:messages:2.0:PatchOp".to_owned()])
        .operations(vec![op])
        .build()
        .expect("schemas is set");

    assert_eq!(
        serde_json::to_string(&request).expect("serialises"),
        concat!(
            r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"#,
            r#""Operations":[{"op":"replace","value":{"active":false},"note":"kept"}]}"#
        )
    );
}

#[test]
fn an_unknown_member_that_repeats_a_field_is_written_once() {
    let email = ScimEmail::builder()
        .value("a@example.com")
        .additional_property("VALUE", "shadow")
        .additional_property("value", "shadow")
        .build();
    assert_eq!(
        serde_json::to_string(&email).expect("serialises"),
        r#"{"value":"a@example.com"}"#
    );
}

#[test]
fn sensitive_fields_stay_out_of_debug() {
    let user = ScimV2CreateUser::builder()
        .user_name("ada")
        .display_name("Ada")
        .password("hunter2")
        .build()
        .expect("required fields are set");
    let shown = format!("{user:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains(r#"password: Some("<redacted>")"#), "{shown}");
    assert!(shown.contains(r#"user_name: "ada""#), "{shown}");
}
