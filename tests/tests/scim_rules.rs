//! Rules C (key case), O (`op` case), D (date-times) and the patch-value exception to N of
//! `fixtures/scim/LOG.md`, on payloads written here: no case file sends a known key in a
//! non-canonical case, none has an offset other than UTC, and none sends `"value": null`.

use chrono::{DateTime, FixedOffset};
use genesys_scim::{
    from_json_str, ScimEmailType, ScimUserListResponse, ScimV2PatchOperationOp, ScimV2PatchRequest,
    ScimV2User,
};
use scim_tests::shapes::{SCIM_USER_LIST_RESPONSE, SCIM_V2_PATCH_REQUEST, SCIM_V2_USER};
use scim_tests::{rt_canon, rt_exact};
use serde_json::{json, Value};

const ENTERPRISE_USER: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn read<T: serde::de::DeserializeOwned>(value: &Value) -> T {
    from_json_str(&value.to_string()).unwrap_or_else(|error| panic!("does not read: {error}"))
}

fn write<T: serde::Serialize>(model: &T) -> Value {
    serde_json::to_value(model).expect("a model always writes")
}

fn parsed(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("the date-time is RFC 3339")
}

#[test]
fn known_keys_match_in_any_case_and_come_back_canonical() {
    let original = json!({
        "USERNAME": "a@example.com",
        "Emails": [{"VALUE": "a@example.com", "Type": "work", "primary": true}],
        "Meta": {"LastModified": "2011-05-13T04:42:34Z"},
        ENTERPRISE_USER.to_uppercase(): {"Manager": {"VALUE": "m-1", "$REF": "../Users/m-1"}},
        "NickName": "Tam",
    });

    let user: ScimV2User = read(&original);
    assert_eq!(user.user_name.as_deref(), Some("a@example.com"));
    let email = &user.emails.as_deref().expect("emails land")[0];
    assert_eq!(email.r#type, Some(ScimEmailType::Work));
    assert_eq!(email.primary, Some(true));
    let enterprise = user.enterprise_user.as_ref().expect("the extension lands");
    let manager = enterprise.manager.as_ref().expect("the manager lands");
    assert_eq!(manager.r#ref.as_deref(), Some("../Users/m-1"));
    assert_eq!(
        user.additional_properties.get("NickName"),
        Some(&json!("Tam"))
    );

    let output = write(&user);
    assert_eq!(output["userName"], json!("a@example.com"));
    assert_eq!(
        output[ENTERPRISE_USER]["manager"]["$ref"],
        json!("../Users/m-1")
    );
    assert_eq!(
        output["NickName"],
        json!("Tam"),
        "an unknown key keeps the case it came in"
    );
    assert_eq!(rt_canon(&original, &output, &SCIM_V2_USER), Ok(()));
    let difference = rt_exact(&original, &output).expect_err("the keys were canonicalised");
    assert_eq!(difference.output, None);
}

#[test]
fn resources_and_operations_match_in_any_case() {
    let list = json!({"totalresults": 1, "resources": [{"USERNAME": "a"}]});
    let response: ScimUserListResponse = read(&list);
    assert_eq!(response.total_results, Some(1));
    let users = response.resources.as_deref().expect("Resources lands");
    assert_eq!(users[0].user_name.as_deref(), Some("a"));
    assert_eq!(
        rt_canon(&list, &write(&response), &SCIM_USER_LIST_RESPONSE),
        Ok(())
    );

    let patch = json!({"SCHEMAS": ["s"], "operations": [{"OP": "Add", "Path": "x", "VALUE": []}]});
    let request: ScimV2PatchRequest = read(&patch);
    let operation = &request.operations.as_deref().expect("Operations lands")[0];
    assert_eq!(operation.op, ScimV2PatchOperationOp::Add);
    assert_eq!(
        (operation.path.as_deref(), operation.value.clone()),
        (Some("x"), Some(json!([])))
    );
    assert_eq!(
        rt_canon(&patch, &write(&request), &SCIM_V2_PATCH_REQUEST),
        Ok(())
    );
}

#[test]
fn op_matches_in_any_case_and_is_written_lower_case() {
    let sent = [
        ("add", ScimV2PatchOperationOp::Add),
        ("Add", ScimV2PatchOperationOp::Add),
        ("REPLACE", ScimV2PatchOperationOp::Replace),
        ("Replace", ScimV2PatchOperationOp::Replace),
        ("rEmOvE", ScimV2PatchOperationOp::Remove),
    ];

    for (op, expected) in sent {
        let request: ScimV2PatchRequest =
            read(&json!({"schemas": [], "Operations": [{"op": op, "path": "members"}]}));
        let operation = &request.operations.as_deref().expect("Operations lands")[0];
        assert_eq!(operation.op, expected, "{op}");
        let output = write(&request);
        assert_eq!(
            output["Operations"][0]["op"],
            json!(op.to_ascii_lowercase()),
            "{op}"
        );
    }
}

#[test]
fn an_unknown_op_is_kept_as_sent() {
    let request: ScimV2PatchRequest =
        read(&json!({"schemas": [], "Operations": [{"op": "Merge"}]}));

    let operation = &request.operations.as_deref().expect("Operations lands")[0];
    assert_eq!(
        operation.op,
        ScimV2PatchOperationOp::Unknown("Merge".to_owned())
    );
    assert_eq!(operation.op.as_str(), "Merge");
    assert_eq!(write(&request)["Operations"][0]["op"], json!("Merge"));
}

#[test]
fn op_text_conversions_agree_with_the_wire() {
    assert_eq!(ScimV2PatchOperationOp::Replace.to_string(), "replace");
    assert_eq!(ScimV2PatchOperationOp::Remove.as_str(), "remove");
    assert_eq!(
        "add".parse::<ScimV2PatchOperationOp>().ok(),
        Some(ScimV2PatchOperationOp::Add)
    );
    let other = "merge".parse::<ScimV2PatchOperationOp>().ok();
    assert_eq!(
        other,
        Some(ScimV2PatchOperationOp::Unknown("merge".to_owned()))
    );
}

#[test]
fn a_non_utc_offset_is_kept() {
    let original = json!({"meta": {"lastModified": "2011-05-13T10:12:34.5+05:30"}});

    let user: ScimV2User = read(&original);
    let modified = user
        .meta
        .as_ref()
        .and_then(|meta| meta.last_modified)
        .expect("it lands");
    assert_eq!(modified, parsed("2011-05-13T04:42:34.5Z"));
    assert_eq!(modified.offset().local_minus_utc(), 5 * 3600 + 30 * 60);

    // Writing the instant back in UTC would lose the sender's offset (rule D).
    let output = write(&user);
    let written = output["meta"]["lastModified"]
        .as_str()
        .expect("written as text");
    assert_eq!(
        parsed(written).offset().local_minus_utc(),
        5 * 3600 + 30 * 60,
        "{written}"
    );
    assert_eq!(rt_exact(&original, &output), Ok(()));
}

#[test]
fn zero_to_nine_fractional_digits_keep_the_instant() {
    let stamps = [
        ("2011-05-13T04:42:34Z", 0),
        ("2011-05-13T04:42:34.8Z", 800_000_000),
        ("2011-05-13T04:42:34.882Z", 882_000_000),
        ("2011-05-13T04:42:34.5788976+00:00", 578_897_600),
        ("2011-05-13T04:42:34.123456789-07:00", 123_456_789),
    ];

    for (stamp, nanos) in stamps {
        let original = json!({"meta": {"lastModified": stamp}});
        let user: ScimV2User = read(&original);
        let modified = user
            .meta
            .as_ref()
            .and_then(|meta| meta.last_modified)
            .expect("it lands");
        assert_eq!(modified, parsed(stamp), "{stamp}");
        assert_eq!(modified.timestamp_subsec_nanos(), nanos, "{stamp}");

        let output = write(&user);
        let written = output["meta"]["lastModified"]
            .as_str()
            .expect("written as text");
        assert_eq!(parsed(written), modified, "{stamp} came back as {written}");
        assert_eq!(
            parsed(written).offset(),
            modified.offset(),
            "{stamp} came back as {written}"
        );
    }
}

#[test]
fn a_null_patch_value_is_kept_apart_from_an_absent_one() {
    // Rule N stops at PatchOperation.value: there null is a value the sender chose.
    let original = json!({
        "schemas": [],
        "Operations": [{"op": "replace", "path": "title", "value": null}, {"op": "remove"}],
    });

    let request: ScimV2PatchRequest = read(&original);
    let operations = request.operations.as_deref().expect("Operations lands");
    assert_eq!(operations[0].value, Some(Value::Null));
    assert_eq!(operations[1].value, None);

    let output = write(&request);
    assert_eq!(output["Operations"][0].get("value"), Some(&Value::Null));
    assert_eq!(output["Operations"][1].get("value"), None);
    assert_eq!(rt_exact(&original, &output), Ok(()));
}
