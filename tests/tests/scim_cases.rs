//! One test per SCIM case file: each reads the file as the model its row of
//! `fixtures/scim/LOG.md` names, checks the fields the row lists (rule P), and checks the
//! row's round-trip rule. The generated crate keeps unknown members, so RT-exact is also
//! checked wherever it must hold even though the row only asks for RT-model.

use chrono::{DateTime, FixedOffset};
use genesys_scim::{
    ScimConfigResourceType, ScimConfigResourceTypesListResponse, ScimEmailType, ScimError,
    ScimErrorScimType, ScimMetadataResourceType, ScimPhoneNumberType, ScimServiceProviderConfig,
    ScimUserListResponse, ScimV2CreateUser, ScimV2Group, ScimV2GroupReferenceType,
    ScimV2MemberReferenceType, ScimV2PatchOperationOp, ScimV2PatchRequest,
    ScimV2SchemaAttributeType, ScimV2SchemaDefinition, ScimV2SchemaListResponse, ScimV2User,
};
use scim_tests::shapes::{SCIM_V2_GROUP, SCIM_V2_PATCH_REQUEST, SCIM_V2_USER};
use scim_tests::{read_case, rt_exact};
use serde_json::{json, Value};

const CORE_USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const CORE_GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE_USER: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GENESYS_USER: &str = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User";
const LIST_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
const RESOURCE_TYPE: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

fn instant(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("the expected date-time is RFC 3339")
}

fn strings(items: &[&str]) -> Option<Vec<String>> {
    Some(items.iter().map(|item| (*item).to_owned()).collect())
}

/// The names of the members a model kept as unknown, in the order they were read.
fn unknown<'a>(members: impl IntoIterator<Item = (&'a String, &'a Value)>) -> Vec<&'a str> {
    members.into_iter().map(|(key, _)| key.as_str()).collect()
}

fn list<T>(items: &Option<Vec<T>>) -> &[T] {
    items.as_deref().expect("the list is present")
}

/// The `op` values of a request as written back, which rule O wants lower-case.
fn written_ops(output: &Value) -> Vec<&str> {
    let operations = output["Operations"]
        .as_array()
        .expect("Operations is written back");
    operations
        .iter()
        .map(|operation| operation["op"].as_str().expect("op is text"))
        .collect()
}

#[test]
fn contentstack_schemas_list_capitalised_types() {
    let case =
        read_case::<ScimV2SchemaListResponse>("contentstack-schemas-list-capitalised-types.json");
    let response = &case.model;
    assert_eq!(response.schemas, strings(&[LIST_RESPONSE]));
    assert_eq!(
        (
            response.total_results,
            response.start_index,
            response.items_per_page
        ),
        (Some(2), Some(1), Some(2))
    );

    let resources = list(&response.resources);
    assert_eq!(resources.len(), 2);
    let user = &resources[0];
    assert_eq!(user.id.as_deref(), Some(CORE_USER));
    assert_eq!(user.name.as_deref(), Some("User"));
    assert_eq!(user.description.as_deref(), Some("User Account"));
    assert!(user.meta.is_none(), "the resources carry no meta");
    assert!(
        user.additional_properties.is_empty(),
        "the resources carry no schemas"
    );

    // `String` and `Boolean` are not among the allowed values, so they are kept as sent.
    let attributes = list(&user.attributes);
    let names: Vec<_> = attributes.iter().map(|a| a.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("userName"),
            Some("name"),
            Some("emails"),
            Some("active")
        ]
    );
    let user_name = &attributes[0];
    assert_eq!(
        user_name.r#type,
        Some(ScimV2SchemaAttributeType::Unknown("String".to_owned()))
    );
    assert_eq!(
        user_name.r#type.as_ref().map(|t| t.as_str()),
        Some("String")
    );
    assert_eq!(
        user_name.mutability.as_ref().map(|m| m.as_str()),
        Some("readWrite")
    );
    assert_eq!(
        user_name.returned.as_ref().map(|r| r.as_str()),
        Some("default")
    );
    assert_eq!(
        user_name.uniqueness.as_ref().map(|u| u.as_str()),
        Some("global")
    );
    assert_eq!(
        (
            user_name.multi_valued,
            user_name.required,
            user_name.case_exact
        ),
        (Some(false), Some(true), Some(false))
    );
    assert_eq!(
        attributes[1].r#type,
        Some(ScimV2SchemaAttributeType::Complex)
    );
    let name_parts = list(&attributes[1].sub_attributes);
    assert_eq!(name_parts[0].name.as_deref(), Some("familyName"));
    assert_eq!(
        name_parts[0].r#type,
        Some(ScimV2SchemaAttributeType::String)
    );
    assert_eq!(
        list(&attributes[2].sub_attributes)[1].canonical_values,
        strings(&["work"])
    );
    assert_eq!(
        attributes[3].r#type.as_ref().map(|t| t.as_str()),
        Some("Boolean")
    );

    let group = &resources[1];
    assert_eq!(group.id.as_deref(), Some(CORE_GROUP));
    assert_eq!(list(&group.attributes).len(), 2);

    case.assert_rt_exact();
    let written_type = &case.output["Resources"][0]["attributes"][3]["type"];
    assert_eq!(written_type, &json!("Boolean"));
}

#[test]
fn entra_create_group_request() {
    let case = read_case::<ScimV2Group>("entra-create-group-request.json");
    let group = &case.model;
    let microsoft = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    assert_eq!(group.schemas, strings(&[CORE_GROUP, microsoft]));
    assert_eq!(
        group.external_id.as_deref(),
        Some("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a")
    );
    assert_eq!(group.display_name, "displayName");
    assert_eq!(group.members, None);
    assert_eq!(group.id, None);

    let meta = group.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::Group));
    assert_eq!((meta.last_modified, meta.location.as_deref()), (None, None));

    case.assert_rt_exact();
}

#[test]
fn entra_create_user_app_role() {
    let case = read_case::<ScimV2User>("entra-create-user-app-role.json");
    let user = &case.model;
    assert_eq!(user.external_id.as_deref(), Some("alias"));
    assert_eq!(
        user.user_name.as_deref(),
        Some("alias@example.onmicrosoft.invalid")
    );
    assert_eq!(user.display_name.as_deref(), Some("First Name Last Name"));
    assert_eq!(user.active, Some(true));

    // ScimUserRole knows only `value`; primary, type and display are unknown to it.
    let roles = list(&user.roles);
    let values: Vec<_> = roles.iter().map(|role| role.value.as_deref()).collect();
    assert_eq!(values, [Some("Admin"), Some("User")]);
    assert_eq!(
        unknown(&roles[0].additional_properties),
        ["primary", "type", "display"]
    );
    assert_eq!(
        roles[1].additional_properties.get("display"),
        Some(&json!("User"))
    );

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn entra_create_user_request() {
    let case = read_case::<ScimV2User>("entra-create-user-request.json");
    let user = &case.model;
    assert_eq!(user.schemas, strings(&[CORE_USER, ENTERPRISE_USER]));
    assert_eq!(
        user.external_id.as_deref(),
        Some("5c0d7a51-3e2b-4f18-9d64-0b7e2a9c1f30")
    );
    assert_eq!(
        user.user_name.as_deref(),
        Some("Test_User_7b1e9c44-2d3a-4f5b-8c6d-9e0f1a2b3c4d")
    );
    assert_eq!(user.active, Some(true));
    assert_eq!(
        user.enterprise_user, None,
        "the extension is named in schemas only"
    );

    let email = &list(&user.emails)[0];
    assert_eq!(email.r#type, Some(ScimEmailType::Work));
    assert_eq!(email.primary, Some(true));
    assert_eq!(
        email.value.as_deref(),
        Some("Test_User_3f4e5d6c-7b8a-4912-a3b4-c5d6e7f8a9b0@example.com")
    );

    assert_eq!(
        user.roles.as_ref().map(Vec::len),
        Some(0),
        "`roles: []` stays an empty list"
    );
    let meta = user.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::User));
    assert_eq!(unknown(&user.additional_properties), ["name"]);

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn entra_list_response_empty() {
    let case = read_case::<ScimUserListResponse>("entra-list-response-empty.json");
    let response = &case.model;
    assert_eq!(response.schemas, strings(&[LIST_RESPONSE]));
    assert_eq!(response.total_results, Some(0));
    assert_eq!(response.resources.as_ref().map(Vec::len), Some(0));
    assert_eq!(
        (response.start_index, response.items_per_page),
        (Some(1), Some(20))
    );

    case.assert_rt_exact();
}

#[test]
fn entra_list_response_user() {
    let case = read_case::<ScimUserListResponse>("entra-list-response-user.json");
    let response = &case.model;
    assert_eq!(response.total_results, Some(1));
    assert_eq!(
        (response.start_index, response.items_per_page),
        (Some(1), Some(20))
    );

    let resources = list(&response.resources);
    assert_eq!(resources.len(), 1);
    let user = &resources[0];
    assert_eq!(user.id.as_deref(), Some("b8d0f2a4c6e84a1c9e3b"));
    assert_eq!(
        user.external_id.as_deref(),
        Some("e2f4a6c8-0b1d-4e3f-9a5b-7c9d1e3f5a7b")
    );
    assert_eq!(user.active, Some(true));
    assert_eq!(list(&user.emails)[0].r#type, Some(ScimEmailType::Work));
    assert_eq!(unknown(&user.additional_properties), ["name"]);

    let meta = user.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::User));
    assert_eq!(meta.last_modified, Some(instant("2018-03-27T19:59:26Z")));
    assert_eq!(
        meta.additional_properties.get("created"),
        Some(&json!("2018-03-27T19:59:26.000Z"))
    );

    case.assert_rt_exact();
}

#[test]
fn entra_patch_manager_array_value() {
    let case = read_case::<ScimV2PatchRequest>("entra-patch-manager-array-value.json");
    let request = &case.model;
    assert_eq!(request.schemas, [PATCH_OP]);

    let operations = list(&request.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Add);
    assert_eq!(operations[0].op.as_str(), "add");
    assert_eq!(operations[0].path.as_deref(), Some("manager"));
    let manager = "4d5e6f70-8192-4a3b-bc4d-5e6f70819203";
    let reference = format!("http://scim.example.com/scim/Users/{manager}");
    let expected = json!([{"$ref": reference, "value": manager}]);
    assert_eq!(operations[0].value, Some(expected));

    // `Add` comes back as `add` (rule O), so only RT-canon can hold.
    case.assert_rt_canon(&SCIM_V2_PATCH_REQUEST);
    assert_eq!(written_ops(&case.output), ["add"]);
    let difference = rt_exact(&case.original, &case.output).expect_err("op is lower-cased");
    assert_eq!(difference.path, "Operations[0].op");
}

#[test]
fn entra_patch_remove_member_with_value() {
    let case = read_case::<ScimV2PatchRequest>("entra-patch-remove-member-with-value.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Remove);
    assert_eq!(operations[0].path.as_deref(), Some("members"));
    assert_eq!(operations[0].value, Some(json!([{"value": "u1091"}])));

    case.assert_rt_canon(&SCIM_V2_PATCH_REQUEST);
    assert_eq!(written_ops(&case.output), ["remove"]);
}

#[test]
fn entra_patch_replace_capitalised() {
    let case = read_case::<ScimV2PatchRequest>("entra-patch-replace-capitalised.json");
    let operations = list(&case.model.operations);
    let ops: Vec<_> = operations.iter().map(|operation| &operation.op).collect();
    assert_eq!(
        ops,
        [
            &ScimV2PatchOperationOp::Replace,
            &ScimV2PatchOperationOp::Replace
        ]
    );
    assert_eq!(
        operations[0].path.as_deref(),
        Some(r#"emails[type eq "work"].value"#)
    );
    assert_eq!(operations[0].value, Some(json!("updatedEmail@example.com")));
    assert_eq!(operations[1].path.as_deref(), Some("name.familyName"));
    assert_eq!(operations[1].value, Some(json!("updatedFamilyName")));

    case.assert_rt_canon(&SCIM_V2_PATCH_REQUEST);
    assert_eq!(written_ops(&case.output), ["replace", "replace"]);
}

#[test]
fn entra_user_disabled_response_odd_meta() {
    let case = read_case::<ScimV2User>("entra-user-disabled-response-odd-meta.json");
    let user = &case.model;
    let id = "AB12CD34EF56AB78CD90EF12@0a1b2c3d4e5f60718293a4b5";
    assert_eq!(user.id.as_deref(), Some(id));
    assert_eq!(user.user_name.as_deref(), Some("qhollis@example.com"));
    assert_eq!(user.active, Some(false));
    assert_eq!(
        list(&user.emails)[0].value.as_deref(),
        Some("qhollis.alt@example.com")
    );
    assert_eq!(unknown(&user.additional_properties), ["name", "addresses"]);

    // The plural `Users` is no allowed value: it is kept as sent, not rejected or mapped.
    let meta = user.meta.as_ref().expect("meta is sent");
    assert_eq!(
        meta.resource_type,
        Some(ScimMetadataResourceType::Unknown("Users".to_owned()))
    );
    let location = format!("/scim/0a1b2c3d4e5f60718293/Users/{id}");
    assert_eq!(meta.location.as_deref(), Some(location.as_str()));

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn entra_validator_put_misspelled_attribute() {
    let case = read_case::<ScimV2User>("entra-validator-put-misspelled-attribute.json");
    let user = &case.model;
    assert_eq!(
        user.id.as_deref(),
        Some("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f")
    );
    assert_eq!(user.user_name.as_deref(), Some("OBrannagh"));
    assert_eq!(user.active, Some(false));
    assert_eq!(user.display_name.as_deref(), Some("Marisol Quint"));
    assert_eq!(user.title.as_deref(), Some("Site engineer"));
    assert_eq!(user.roles.as_ref().map(Vec::len), Some(0));
    assert_eq!(
        unknown(&user.additional_properties),
        ["adreses", "name", "preferredLanguage"]
    );

    let emails = list(&user.emails);
    assert_eq!(emails[1].r#type, Some(ScimEmailType::Other));
    assert_eq!(emails[1].primary, Some(false));

    // Seven fractional digits: the instant must be kept to the nanosecond (rule D).
    let meta = user.meta.as_ref().expect("meta is sent");
    let modified = meta.last_modified.expect("lastModified is sent");
    assert_eq!(modified, instant("2019-09-18T18:15:26.5788976+00:00"));
    assert_eq!(modified.timestamp_subsec_nanos(), 578_897_600);
    assert_eq!(modified.offset().local_minus_utc(), 0);
    assert!(meta.additional_properties.contains_key("created"));

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn genesys_create_user_request() {
    let name = "genesys-create-user-request.json";
    let case = read_case::<ScimV2CreateUser>(name);
    let user = &case.model;
    assert_eq!(
        user.schemas,
        strings(&[CORE_USER, ENTERPRISE_USER, GENESYS_USER])
    );
    assert_eq!(user.user_name, "iris.banerjee-moss@example.com");
    assert_eq!(user.display_name, "Iris Banerjee-Moss");
    assert_eq!(user.password.as_deref(), Some("Inv3nted!Genesys#Pw2024"));
    assert_eq!(user.title.as_deref(), Some("Agent"));
    assert_eq!(user.external_id.as_deref(), Some("EXT-77120"));
    assert_eq!(list(&user.roles)[0].value.as_deref(), Some("employee"));
    assert!(
        user.additional_properties.is_empty(),
        "every member is known"
    );

    let phone = &list(&user.phone_numbers)[0];
    assert_eq!(phone.value.as_deref(), Some("tel:+15555550121;ext=100"));
    assert_eq!(phone.r#type, Some(ScimPhoneNumberType::Work));
    assert_eq!(phone.primary, Some(true));
    let email = &list(&user.emails)[0];
    assert_eq!(
        (email.r#type.clone(), email.primary),
        (Some(ScimEmailType::Work), None)
    );

    // `dateHire` is a String in the model: the full date-time stays the text it was.
    let enterprise = user
        .enterprise_user
        .as_ref()
        .expect("the enterprise extension is sent");
    assert_eq!(enterprise.department.as_deref(), Some("Sales"));
    assert_eq!(enterprise.employee_number.as_deref(), Some("77120"));
    assert_eq!(
        enterprise.date_hire.as_deref(),
        Some("2024-01-08T00:00:00Z")
    );
    let genesys = user
        .genesys_user
        .as_ref()
        .expect("the Genesys extension is sent");
    let skill = &list(&genesys.routing_skills)[0];
    assert_eq!(
        (skill.name.as_str(), skill.proficiency),
        ("Inbound Sales", Some(1.0))
    );

    case.assert_rt_exact();
    assert_eq!(
        case.output[ENTERPRISE_USER]["dateHire"],
        json!("2024-01-08T00:00:00Z")
    );

    // The row allows either model; the same request must read as a ScimV2User too.
    let as_user = read_case::<ScimV2User>(name);
    assert_eq!(
        as_user.model.user_name.as_deref(),
        Some("iris.banerjee-moss@example.com")
    );
    let enterprise = as_user
        .model
        .enterprise_user
        .as_ref()
        .expect("the extension is sent");
    assert_eq!(
        enterprise.date_hire.as_deref(),
        Some("2024-01-08T00:00:00Z")
    );
    as_user.assert_rt_exact();
}

#[test]
fn genesys_error_invalid_version() {
    let case = read_case::<ScimError>("genesys-error-invalid-version.json");
    let error = &case.model;
    assert_eq!(error.schemas, strings(&[ERROR]));
    assert_eq!(error.status.as_deref(), Some("400"));
    assert_eq!(error.scim_type, Some(ScimErrorScimType::InvalidVers));
    assert_eq!(
        error.scim_type.as_ref().map(|t| t.as_str()),
        Some("invalidVers")
    );
    let detail = concat!(
        r#"The version "41" in the If-Match header does not match the current version "42""#,
        " of the resource."
    );
    assert_eq!(error.detail.as_deref(), Some(detail));

    case.assert_rt_exact();
}

#[test]
fn genesys_group_with_members() {
    let case = read_case::<ScimV2Group>("genesys-group-with-members.json");
    let group = &case.model;
    assert_eq!(
        group.id.as_deref(),
        Some("0f1e2d3c-4b5a-4697-8877-665544332211")
    );
    assert_eq!(group.display_name, "Tier 2 Support");
    assert_eq!(group.external_id.as_deref(), Some("grp-tier2"));

    // `type` is a known sub-attribute of ScimV2MemberReference, unlike in RFC-only models.
    let members = list(&group.members);
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].r#type, Some(ScimV2MemberReferenceType::User));
    assert_eq!(
        members[0].value.as_deref(),
        Some("6e3f1b2a-4c5d-4e7f-9a1b-2c3d4e5f6a7b")
    );
    let base = "https://api.example.mypurecloud.invalid/api/v2/scim/v2";
    let user_ref = format!("{base}/Users/6e3f1b2a-4c5d-4e7f-9a1b-2c3d4e5f6a7b");
    assert_eq!(members[0].r#ref.as_deref(), Some(user_ref.as_str()));
    assert_eq!(members[1].r#type, Some(ScimV2MemberReferenceType::Group));
    assert!(members
        .iter()
        .all(|member| member.additional_properties.is_empty()));

    let meta = group.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::Group));
    assert_eq!(meta.last_modified, Some(instant("2024-05-06T07:08:09Z")));
    assert_eq!(meta.version.as_deref(), Some("\"7\""));

    case.assert_rt_exact();
}

#[test]
fn genesys_patch_routing_skills() {
    let case = read_case::<ScimV2PatchRequest>("genesys-patch-routing-skills.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 4);
    let ops: Vec<_> = operations
        .iter()
        .map(|operation| operation.op.as_str())
        .collect();
    assert_eq!(ops, ["replace", "add", "remove", "replace"]);

    let skills_path = format!("{GENESYS_USER}:routingSkills");
    assert_eq!(operations[0].path.as_deref(), Some(skills_path.as_str()));
    let skills = json!([
        {"name": "Billing", "proficiency": 5},
        {"name": "Escalations", "proficiency": 0.5},
    ]);
    assert_eq!(operations[0].value, Some(skills));

    assert_eq!(operations[1].path, None);
    let languages = json!({
        GENESYS_USER: {"routingLanguages": [{"name": "Deutsch", "proficiency": 3.0}]},
    });
    assert_eq!(operations[1].value, Some(languages));

    let filter = format!(r#"{GENESYS_USER}:externalIds[authority eq "zoomphone"]"#);
    assert_eq!(operations[2].path.as_deref(), Some(filter.as_str()));
    assert_eq!(operations[2].value, None);
    assert_eq!(
        operations[3].path.as_deref(),
        Some(r#"phoneNumbers[type eq "work3"].value"#)
    );
    assert_eq!(operations[3].value, Some(json!("+15555550131")));

    case.assert_rt_exact();
}

#[test]
fn genesys_resource_types_list() {
    let case = read_case::<ScimConfigResourceTypesListResponse>("genesys-resource-types-list.json");
    let response = &case.model;
    assert_eq!(
        (
            response.total_results,
            response.start_index,
            response.items_per_page
        ),
        (Some(2), Some(1), Some(2))
    );

    let resources = list(&response.resources);
    assert_eq!(resources.len(), 2);
    let user = &resources[0];
    assert_eq!(user.id.as_deref(), Some("User"));
    assert_eq!(user.schemas, strings(&[RESOURCE_TYPE]));
    assert_eq!(user.description.as_deref(), Some("Genesys Cloud user"));
    assert_eq!(user.endpoint.as_deref(), Some("/Users"));
    let extensions = list(&user.schema_extensions);
    let schemas: Vec<_> = extensions
        .iter()
        .map(|e| (e.schema.as_deref(), e.required))
        .collect();
    assert_eq!(
        schemas,
        [
            (Some(ENTERPRISE_USER), Some(false)),
            (Some(GENESYS_USER), Some(false))
        ]
    );

    let group = &resources[1];
    assert_eq!(group.schema.as_deref(), Some(CORE_GROUP));
    assert_eq!(group.schema_extensions, None);
    let meta = group.meta.as_ref().expect("meta is sent");
    assert_eq!(
        meta.resource_type,
        Some(ScimMetadataResourceType::ResourceType)
    );
    assert_eq!(
        meta.location.as_deref(),
        Some("https://api.example.mypurecloud.invalid/api/v2/scim/v2/ResourceTypes/Group")
    );

    case.assert_rt_exact();
}

#[test]
fn genesys_schema_purecloud_extension() {
    let case = read_case::<ScimV2SchemaDefinition>("genesys-schema-purecloud-extension.json");
    let schema = &case.model;
    assert_eq!(schema.id.as_deref(), Some(GENESYS_USER));
    assert_eq!(schema.name.as_deref(), Some("Genesys Cloud User"));
    assert_eq!(
        schema.description.as_deref(),
        Some("Genesys Cloud user extensions")
    );

    let attributes = list(&schema.attributes);
    let names: Vec<_> = attributes.iter().map(|a| a.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("routingSkills"),
            Some("routingLanguages"),
            Some("externalIds")
        ]
    );
    assert_eq!(
        attributes[0].r#type,
        Some(ScimV2SchemaAttributeType::Complex)
    );
    assert_eq!(attributes[0].multi_valued, Some(true));

    // subAttributes nest the same model, one level down.
    let skill_parts = list(&attributes[0].sub_attributes);
    assert_eq!(skill_parts.len(), 2);
    assert_eq!(skill_parts[0].case_exact, Some(true));
    assert_eq!(skill_parts[1].name.as_deref(), Some("proficiency"));
    assert_eq!(
        skill_parts[1].r#type,
        Some(ScimV2SchemaAttributeType::Decimal)
    );
    assert_eq!(skill_parts[1].sub_attributes, None);
    assert_eq!(list(&attributes[1].sub_attributes)[0].description, None);
    let id_parts = list(&attributes[2].sub_attributes);
    let id_names: Vec<_> = id_parts
        .iter()
        .map(|a| (a.name.as_deref(), a.required))
        .collect();
    assert_eq!(
        id_names,
        [(Some("authority"), Some(true)), (Some("value"), Some(true))]
    );

    let meta = schema.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::Schema));

    case.assert_rt_exact();
}

#[test]
fn genesys_service_provider_config() {
    let case = read_case::<ScimServiceProviderConfig>("genesys-service-provider-config.json");
    let config = &case.model;
    assert_eq!(
        config.documentation_uri.as_deref(),
        Some("https://help.example.invalid/articles/scim")
    );
    let bulk = config.bulk.as_ref().expect("bulk is sent");
    assert_eq!(
        (bulk.supported, bulk.max_operations, bulk.max_payload_size),
        (Some(false), Some(0), Some(0))
    );
    let filter = config.filter.as_ref().expect("filter is sent");
    assert_eq!(
        (filter.supported, filter.max_results),
        (Some(true), Some(25))
    );
    assert_eq!(
        config.sort.as_ref().and_then(|sort| sort.supported),
        Some(false)
    );
    assert_eq!(
        config.etag.as_ref().and_then(|etag| etag.supported),
        Some(true)
    );

    let schemes = list(&config.authentication_schemes);
    assert_eq!(schemes.len(), 1);
    assert_eq!(schemes[0].name, "OAuth Bearer Token");
    assert_eq!(schemes[0].r#type.as_str(), "oauthbearertoken");
    assert_eq!(schemes[0].primary, Some(true));
    assert_eq!(
        schemes[0].spec_uri.as_deref(),
        Some("https://tools.ietf.org/html/rfc6750")
    );

    let meta = config.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.last_modified, Some(instant("2023-11-30T00:00:00Z")));
    assert_eq!(meta.version.as_deref(), Some("\"3\""));

    case.assert_rt_exact();
}

#[test]
fn genesys_user_full_extensions() {
    let case = read_case::<ScimV2User>("genesys-user-full-extensions.json");
    let user = &case.model;
    assert_eq!(
        user.id.as_deref(),
        Some("6e3f1b2a-4c5d-4e7f-9a1b-2c3d4e5f6a7b")
    );
    assert_eq!(
        user.schemas,
        strings(&[CORE_USER, ENTERPRISE_USER, GENESYS_USER])
    );
    assert_eq!(user.active, Some(true));
    assert_eq!(
        user.user_name.as_deref(),
        Some("noor.halvorsen@example.com")
    );
    assert_eq!(user.display_name.as_deref(), Some("Noor Halvorsen"));
    assert_eq!(user.title.as_deref(), Some("Senior Agent"));
    assert_eq!(
        user.external_id.as_deref(),
        Some("a1b2c3d4-0000-4000-8000-00000000ex01")
    );
    assert!(
        user.additional_properties.is_empty(),
        "every top-level member is known"
    );

    let phones = list(&user.phone_numbers);
    let types: Vec<_> = phones
        .iter()
        .map(|p| p.r#type.as_ref().map(|t| t.as_str()))
        .collect();
    assert_eq!(
        types,
        [
            Some("work"),
            Some("work2"),
            Some("mobile"),
            Some("microsoftteams")
        ]
    );
    assert_eq!(phones[0].r#type, Some(ScimPhoneNumberType::Work));
    assert_eq!(
        phones[1].value.as_deref(),
        Some("tel:+15555550112;ext=4321")
    );
    assert!(phones
        .iter()
        .all(|p| !matches!(p.r#type, Some(ScimPhoneNumberType::Unknown(_)))));
    let emails = list(&user.emails);
    let types: Vec<_> = emails.iter().map(|e| e.r#type.clone()).collect();
    assert_eq!(
        types,
        [Some(ScimEmailType::Other), Some(ScimEmailType::Work)]
    );

    let group = &list(&user.groups)[0];
    assert_eq!(group.r#type, Some(ScimV2GroupReferenceType::Group));
    assert_eq!(
        group.value.as_deref(),
        Some("0f1e2d3c-4b5a-4697-8877-665544332211")
    );
    assert_eq!(
        group.additional_properties.get("display"),
        Some(&json!("Tier 2 Support"))
    );
    let roles: Vec<_> = list(&user.roles)
        .iter()
        .map(|r| r.value.as_deref())
        .collect();
    assert_eq!(roles, [Some("employee"), Some("Contact Center Agent")]);

    let enterprise = user
        .enterprise_user
        .as_ref()
        .expect("the enterprise extension is sent");
    assert_eq!(enterprise.division.as_deref(), Some("Field Operations"));
    assert_eq!(enterprise.department.as_deref(), Some("Customer Care"));
    assert_eq!(enterprise.employee_number.as_deref(), Some("E-004217"));
    assert_eq!(enterprise.date_hire.as_deref(), Some("2021-03-15"));
    let manager = enterprise.manager.as_ref().expect("manager is sent");
    assert_eq!(
        manager.value.as_deref(),
        Some("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
    );
    let manager_ref = "https://api.example.mypurecloud.invalid/api/v2/scim/v2/Users/\
                       9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    assert_eq!(manager.r#ref.as_deref(), Some(manager_ref));
    assert_eq!(
        manager.additional_properties.get("displayName"),
        Some(&json!("Ravi Lindqvist"))
    );

    let genesys = user
        .genesys_user
        .as_ref()
        .expect("the Genesys extension is sent");
    let skills: Vec<_> = list(&genesys.routing_skills)
        .iter()
        .map(|s| (s.name.as_str(), s.proficiency))
        .collect();
    assert_eq!(skills, [("Billing", Some(4.5)), ("Returns", Some(3.0))]);
    let languages: Vec<_> = list(&genesys.routing_languages)
        .iter()
        .map(|l| (l.name.as_str(), l.proficiency))
        .collect();
    assert_eq!(languages, [("English", Some(5.0)), ("Norsk", Some(2.5))]);
    let ids: Vec<_> = list(&genesys.external_ids)
        .iter()
        .map(|i| i.authority.as_str())
        .collect();
    assert_eq!(ids, ["x-pc:scimv2:v1", "microsoftteams"]);
    assert_eq!(
        list(&genesys.external_ids)[0].value,
        "a1b2c3d4-0000-4000-8000-00000000ex01"
    );

    let meta = user.meta.as_ref().expect("meta is sent");
    let modified = meta.last_modified.expect("lastModified is sent");
    assert_eq!(modified, instant("2024-05-06T07:08:09.123Z"));
    assert_eq!(modified.timestamp_subsec_millis(), 123);
    assert_eq!(meta.version.as_deref(), Some("\"42\""));

    case.assert_rt_exact();
    let written = &case.output[GENESYS_USER]["routingSkills"][1]["proficiency"];
    assert!(
        written.is_f64(),
        "the integer proficiency is written as a float: {written}"
    );
    assert_eq!(written.as_f64(), Some(3.0));
}

#[test]
fn jumpcloud_patch_remove_members_value() {
    let case = read_case::<ScimV2PatchRequest>("jumpcloud-patch-remove-members-value.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Remove);
    assert_eq!(operations[0].path.as_deref(), Some("members"));
    let value = json!([
        {"value": "64f0c1d2e3a4b5c6d7e8f901"},
        {"value": "64f0c1d2e3a4b5c6d7e8f902"},
    ]);
    assert_eq!(operations[0].value, Some(value));

    case.assert_rt_exact();
}

#[test]
fn okta_create_user_request() {
    let case = read_case::<ScimV2User>("okta-create-user-request.json");
    let user = &case.model;
    assert_eq!(user.user_name.as_deref(), Some("avery.tull@example.com"));
    assert_eq!(user.display_name.as_deref(), Some("Avery Tull"));
    assert_eq!(user.external_id.as_deref(), Some("00uinv3nt3dXq7Aa1b2"));
    assert_eq!(user.password.as_deref(), Some("9xk472pq"));
    assert_eq!(user.active, Some(true));
    assert_eq!(user.groups.as_ref().map(Vec::len), Some(0));
    assert_eq!(list(&user.emails)[0].primary, Some(true));
    assert_eq!(unknown(&user.additional_properties), ["name", "locale"]);

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn okta_patch_deactivate_no_path() {
    let case = read_case::<ScimV2PatchRequest>("okta-patch-deactivate-no-path.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Replace);
    assert_eq!(operations[0].path, None);
    assert_eq!(operations[0].value, Some(json!({"active": false})));

    case.assert_rt_exact();
    let written = case.output["Operations"][0]
        .as_object()
        .expect("an operation is an object");
    assert!(
        !written.contains_key("path"),
        "an absent path is not written"
    );
}

#[test]
fn okta_patch_group_members_remove_add() {
    let case = read_case::<ScimV2PatchRequest>("okta-patch-group-members-remove-add.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 2);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Remove);
    let filter = r#"members[value eq "4a9c2b71-d805-4e36-9f1a-7b2c3d4e5f60"]"#;
    assert_eq!(operations[0].path.as_deref(), Some(filter));
    assert_eq!(operations[0].value, None);
    assert_eq!(operations[1].op, ScimV2PatchOperationOp::Add);
    let member = json!({
        "value": "7c2d9e41-58a3-4b6f-9d10-3e4f5a6b7c8d",
        "display": "avery.tull@example.com",
    });
    assert_eq!(operations[1].value, Some(json!([member])));

    case.assert_rt_exact();
}

#[test]
fn okta_patch_group_rename_with_id() {
    let case = read_case::<ScimV2PatchRequest>("okta-patch-group-rename-with-id.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Replace);
    assert_eq!(operations[0].path, None);
    let value = json!({"id": "3b8e1f20-7c4d-4a95-b6e2-0d9f8c7b6a51", "displayName": "Test SCIMv2"});
    assert_eq!(operations[0].value, Some(value));

    case.assert_rt_exact();
}

#[test]
fn okta_patch_replace_members_empty() {
    let case = read_case::<ScimV2PatchRequest>("okta-patch-replace-members-empty.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Replace);
    assert_eq!(operations[0].path.as_deref(), Some("members"));
    assert_eq!(
        operations[0].value,
        Some(json!([])),
        "`[]` means: empty the group"
    );

    case.assert_rt_exact();
    assert_eq!(case.output["Operations"][0].get("value"), Some(&json!([])));
}

#[test]
fn okta_put_user_email_display() {
    let case = read_case::<ScimV2User>("okta-put-user-email-display.json");
    let user = &case.model;
    assert_eq!(
        user.id.as_deref(),
        Some("7c2d9e41-58a3-4b6f-9d10-3e4f5a6b7c8d")
    );
    assert_eq!(user.user_name.as_deref(), Some("avery.tull@example.com"));
    assert_eq!(user.active, Some(true));
    assert_eq!(user.groups.as_ref().map(Vec::len), Some(0));

    // `display` is unknown to ScimEmail; the known fields beside it still land (rule U).
    let email = &list(&user.emails)[0];
    assert_eq!(email.value.as_deref(), Some("avery.tull@example.com"));
    assert_eq!(
        (email.r#type.clone(), email.primary),
        (Some(ScimEmailType::Work), Some(true))
    );
    assert_eq!(unknown(&email.additional_properties), ["display"]);

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn onelogin_enterprise_template_user() {
    let case = read_case::<ScimV2User>("onelogin-enterprise-template-user.json");
    let user = &case.model;
    assert_eq!(user.user_name.as_deref(), Some("priya.osei@example.com"));
    assert_eq!(user.title.as_deref(), Some("Claims Analyst"));
    assert_eq!(list(&user.emails)[0].r#type, Some(ScimEmailType::Work));
    assert_eq!(
        unknown(&user.additional_properties),
        ["name", "userType", "timezone", "addresses"]
    );

    let enterprise = user
        .enterprise_user
        .as_ref()
        .expect("the enterprise extension is sent");
    assert_eq!(enterprise.division.as_deref(), Some("Claims"));
    assert_eq!(enterprise.department.as_deref(), Some("Auto Claims"));
    assert_eq!(unknown(&enterprise.additional_properties), ["organization"]);
    let manager = enterprise.manager.as_ref().expect("manager is sent");
    assert_eq!(manager.value.as_deref(), Some("ext-mgr-5521"));
    assert_eq!(manager.r#ref, None);
    assert_eq!(
        manager.additional_properties.get("displayName"),
        Some(&json!("Tobias Renwick"))
    );

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn onelogin_patch_add_members_lowercase() {
    let case = read_case::<ScimV2PatchRequest>("onelogin-patch-add-members-lowercase.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Add);
    assert_eq!(operations[0].path.as_deref(), Some("members"));
    assert_eq!(
        operations[0].value,
        Some(json!([{"value": "636823803314257913"}]))
    );

    case.assert_rt_exact();
}

#[test]
fn quirk_large_group_3500_members() {
    let case = read_case::<ScimV2Group>("quirk-large-group-3500-members.json");
    let group = &case.model;
    assert_eq!(group.display_name, "All Staff (3500 members)");
    assert_eq!(group.external_id.as_deref(), Some("all-staff"));

    let members = list(&group.members);
    assert_eq!(members.len(), 3500);
    assert_eq!(
        members[0].value.as_deref(),
        Some("ecd6b2fe-50b8-5112-b067-cd54a6d63e9a")
    );
    assert_eq!(
        members[3499].value.as_deref(),
        Some("5edfaa66-3a87-58ba-8f36-303dcaea07f7")
    );
    assert!(members
        .iter()
        .all(|m| m.r#type == Some(ScimV2MemberReferenceType::User)));
    let last_display = members[3499].additional_properties.get("display");
    assert_eq!(last_display, Some(&json!("Member 3500")));

    case.assert_rt_exact();
}

#[test]
fn rfc7643_8_1_minimal_user() {
    let case = read_case::<ScimV2User>("rfc7643-8.1-minimal-user.json");
    let user = &case.model;
    assert_eq!(user.schemas, strings(&[CORE_USER]));
    assert_eq!(
        user.id.as_deref(),
        Some("2819c223-7f76-453a-919d-413861904646")
    );
    assert_eq!(user.user_name.as_deref(), Some("tvale@example.com"));

    // `W\/\"…\"` in the file is the text W/"…": the escaped solidus is only spelling.
    let meta = user.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.version.as_deref(), Some(r#"W/"3694e05e9dff590""#));
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::User));
    let modified = meta.last_modified.expect("lastModified is sent");
    assert_eq!(modified, instant("2011-05-13T04:42:34Z"));
    assert_eq!(modified.offset().local_minus_utc(), 0);
    assert_eq!(
        meta.location.as_deref(),
        Some("https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646")
    );
    assert_eq!(
        meta.additional_properties.get("created"),
        Some(&json!("2010-01-23T04:56:22Z"))
    );

    case.assert_rt_exact();
}

#[test]
fn rfc7643_8_2_full_user() {
    let case = read_case::<ScimV2User>("rfc7643-8.2-full-user.json");
    let user = &case.model;
    assert_eq!(
        user.id.as_deref(),
        Some("2819c223-7f76-453a-919d-413861904646")
    );
    assert_eq!(user.external_id.as_deref(), Some("701984"));
    assert_eq!(user.user_name.as_deref(), Some("tvale@example.com"));
    assert_eq!(user.display_name.as_deref(), Some("Tam Vale"));
    assert_eq!(user.title.as_deref(), Some("Tour Guide"));
    assert_eq!(user.active, Some(true));
    assert_eq!(user.password.as_deref(), Some("Inv3nted-Pa$$"));

    let emails = list(&user.emails);
    assert_eq!(emails.len(), 2);
    assert_eq!(emails[0].r#type, Some(ScimEmailType::Work));
    assert_eq!(emails[0].primary, Some(true));
    assert_eq!(emails[1].value.as_deref(), Some("tam@vale.example.org"));
    assert_eq!(
        emails[1].r#type,
        Some(ScimEmailType::Unknown("home".to_owned()))
    );
    assert_eq!(emails[1].primary, None);
    let phones = list(&user.phone_numbers);
    let phones: Vec<_> = phones
        .iter()
        .map(|p| (p.value.as_deref(), p.r#type.clone()))
        .collect();
    assert_eq!(
        phones,
        [
            (Some("555-555-0101"), Some(ScimPhoneNumberType::Work)),
            (Some("555-555-0102"), Some(ScimPhoneNumberType::Mobile)),
        ]
    );

    let groups = list(&user.groups);
    assert_eq!(groups.len(), 3);
    let ref0 = "https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a";
    assert_eq!(
        groups[0].value.as_deref(),
        Some("e9e30dba-f08f-4109-8486-d5c6a331660a")
    );
    assert_eq!(groups[0].r#ref.as_deref(), Some(ref0));
    assert!(groups.iter().all(|group| group.r#type.is_none()));
    assert_eq!(
        groups[2].additional_properties.get("display"),
        Some(&json!("US Employees"))
    );

    let ignored = [
        "name",
        "nickName",
        "profileUrl",
        "addresses",
        "ims",
        "photos",
        "userType",
        "preferredLanguage",
        "locale",
        "timezone",
        "x509Certificates",
    ];
    assert_eq!(unknown(&user.additional_properties), ignored);

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
    assert_eq!(case.output["groups"][0]["$ref"], json!(ref0));
}

#[test]
fn rfc7643_8_3_enterprise_user() {
    let case = read_case::<ScimV2User>("rfc7643-8.3-enterprise-user.json");
    let user = &case.model;
    assert_eq!(user.schemas, strings(&[CORE_USER, ENTERPRISE_USER]));
    assert_eq!(user.user_name.as_deref(), Some("tvale@example.com"));

    let enterprise = user
        .enterprise_user
        .as_ref()
        .expect("the enterprise extension is sent");
    assert_eq!(enterprise.employee_number.as_deref(), Some("701984"));
    assert_eq!(enterprise.division.as_deref(), Some("Field Operations"));
    assert_eq!(enterprise.department.as_deref(), Some("Guided Tours"));
    assert_eq!(enterprise.date_hire, None);
    assert_eq!(
        unknown(&enterprise.additional_properties),
        ["costCenter", "organization"]
    );

    // The relative `$ref` is kept as given: nothing checks that it is a URL.
    let manager = enterprise.manager.as_ref().expect("manager is sent");
    assert_eq!(
        manager.value.as_deref(),
        Some("26118915-6090-4610-87e4-49d8ca9f808d")
    );
    assert_eq!(
        manager.r#ref.as_deref(),
        Some("../Users/26118915-6090-4610-87e4-49d8ca9f808d")
    );
    assert_eq!(
        manager.additional_properties.get("displayName"),
        Some(&json!("Corin Okafor-Lund"))
    );

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn rfc7643_8_4_group() {
    let case = read_case::<ScimV2Group>("rfc7643-8.4-group.json");
    let group = &case.model;
    assert_eq!(
        group.id.as_deref(),
        Some("e9e30dba-f08f-4109-8486-d5c6a331660a")
    );
    assert_eq!(group.display_name, "Tour Guides");

    let members = list(&group.members);
    assert_eq!(members.len(), 2);
    assert_eq!(
        members[0].value.as_deref(),
        Some("2819c223-7f76-453a-919d-413861904646")
    );
    assert_eq!(
        members[1].r#ref.as_deref(),
        Some("https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a")
    );
    assert_eq!(members[1].r#type, None);
    assert_eq!(
        members[1].additional_properties.get("display"),
        Some(&json!("Ilse Marrow"))
    );

    let meta = group.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.version.as_deref(), Some(r#"W/"3694e05e9dff592""#));

    case.assert_rt_model(&SCIM_V2_GROUP);
    case.assert_rt_exact();
}

#[test]
fn rfc7643_8_5_service_provider_config() {
    let case = read_case::<ScimServiceProviderConfig>("rfc7643-8.5-service-provider-config.json");
    let config = &case.model;
    assert_eq!(
        config.documentation_uri.as_deref(),
        Some("http://example.com/help/scim.html")
    );
    let bulk = config.bulk.as_ref().expect("bulk is sent");
    assert_eq!(
        (bulk.supported, bulk.max_operations, bulk.max_payload_size),
        (Some(true), Some(1000), Some(1_048_576))
    );
    assert_eq!(
        config.filter.as_ref().and_then(|filter| filter.max_results),
        Some(200)
    );
    for feature in [
        &config.patch,
        &config.change_password,
        &config.sort,
        &config.etag,
    ] {
        assert_eq!(feature.as_ref().and_then(|f| f.supported), Some(true));
    }

    let schemes = list(&config.authentication_schemes);
    assert_eq!(schemes.len(), 2);
    assert_eq!(schemes[0].r#type.as_str(), "oauthbearertoken");
    assert_eq!(schemes[0].primary, Some(true));
    assert_eq!(schemes[1].name, "HTTP Basic");
    assert_eq!(schemes[1].r#type.as_str(), "httpbasic");
    assert_eq!(schemes[1].primary, None, "the second scheme has no primary");
    let basic_help = "http://example.com/help/httpBasic.html";
    assert_eq!(schemes[1].documentation_uri.as_deref(), Some(basic_help));

    let meta = config.meta.as_ref().expect("meta is sent");
    assert_eq!(
        meta.resource_type,
        Some(ScimMetadataResourceType::ServiceProviderConfig)
    );
    assert_eq!(meta.last_modified, Some(instant("2011-05-13T04:42:34Z")));
    assert_eq!(
        meta.additional_properties.get("created"),
        Some(&json!("2010-01-23T04:56:22Z"))
    );

    case.assert_rt_exact();
}

#[test]
fn rfc7643_8_6_resource_type_user() {
    let case = read_case::<ScimConfigResourceType>("rfc7643-8.6-resource-type-user.json");
    let resource = &case.model;
    assert_eq!(resource.schemas, strings(&[RESOURCE_TYPE]));
    assert_eq!(
        (resource.id.as_deref(), resource.name.as_deref()),
        (Some("User"), Some("User"))
    );
    assert_eq!(resource.endpoint.as_deref(), Some("/Users"));
    assert_eq!(resource.description.as_deref(), Some("User Account"));
    assert_eq!(resource.schema.as_deref(), Some(CORE_USER));

    let extensions = list(&resource.schema_extensions);
    assert_eq!(extensions.len(), 1);
    assert_eq!(extensions[0].schema.as_deref(), Some(ENTERPRISE_USER));
    assert_eq!(extensions[0].required, Some(true));

    let meta = resource.meta.as_ref().expect("meta is sent");
    assert_eq!(
        meta.location.as_deref(),
        Some("https://example.com/v2/ResourceTypes/User")
    );
    assert_eq!(
        meta.resource_type,
        Some(ScimMetadataResourceType::ResourceType)
    );
    assert_eq!((meta.last_modified, meta.version.as_deref()), (None, None));
    assert!(meta.additional_properties.is_empty());

    case.assert_rt_exact();
}

#[test]
fn rfc7643_8_7_1_schema_group() {
    let case = read_case::<ScimV2SchemaDefinition>("rfc7643-8.7.1-schema-group.json");
    let schema = &case.model;
    assert_eq!(schema.id.as_deref(), Some(CORE_GROUP));
    assert_eq!(schema.name.as_deref(), Some("Group"));
    assert_eq!(schema.description.as_deref(), Some("Group"));
    assert!(
        schema.additional_properties.is_empty(),
        "the RFC form has no schemas key"
    );

    let attributes = list(&schema.attributes);
    assert_eq!(attributes.len(), 2);
    assert_eq!(attributes[0].name.as_deref(), Some("displayName"));
    assert_eq!(attributes[0].required, Some(false));
    assert_eq!(
        attributes[0].uniqueness.as_ref().map(|u| u.as_str()),
        Some("none")
    );
    assert_eq!(attributes[1].multi_valued, Some(true));

    // `$ref` is a value of `name` here, not a key.
    let parts = list(&attributes[1].sub_attributes);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1].name.as_deref(), Some("$ref"));
    assert_eq!(parts[1].r#type, Some(ScimV2SchemaAttributeType::Reference));
    assert_eq!(parts[1].reference_types, strings(&["User", "Group"]));
    assert_eq!(
        parts[1].mutability.as_ref().map(|m| m.as_str()),
        Some("immutable")
    );
    assert_eq!(parts[2].canonical_values, strings(&["User", "Group"]));

    let meta = schema.meta.as_ref().expect("meta is sent");
    assert_eq!(meta.resource_type, Some(ScimMetadataResourceType::Schema));
    assert_eq!(
        meta.location.as_deref(),
        Some("/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group")
    );

    case.assert_rt_exact();
}

#[test]
fn rfc7644_3_12_error_mutability() {
    let case = read_case::<ScimError>("rfc7644-3.12-error-mutability.json");
    let error = &case.model;
    assert_eq!(error.schemas, strings(&[ERROR]));
    assert_eq!(error.status.as_deref(), Some("400"));
    assert_eq!(error.scim_type, Some(ScimErrorScimType::Mutability));
    assert_eq!(error.detail.as_deref(), Some("Attribute 'id' is readOnly"));

    case.assert_rt_exact();
    assert_eq!(case.output["status"], json!("400"), "status stays a string");
}

#[test]
fn rfc7644_3_3_create_user_response() {
    let case = read_case::<ScimV2User>("rfc7644-3.3-create-user-response.json");
    let user = &case.model;
    assert_eq!(
        user.id.as_deref(),
        Some("2819c223-7f76-453a-919d-413861904646")
    );
    assert_eq!(user.external_id.as_deref(), Some("tvale"));
    assert_eq!(user.user_name.as_deref(), Some("tvale"));
    assert_eq!(unknown(&user.additional_properties), ["name"]);

    let meta = user.meta.as_ref().expect("meta is sent");
    let modified = meta.last_modified.expect("lastModified is sent");
    assert_eq!(modified, instant("2011-08-01T21:32:44.882Z"));
    assert_eq!(modified.timestamp_subsec_millis(), 882);
    assert_eq!(meta.version.as_deref(), Some(r#"W/"e180ee84f0671b1""#));
    let created = meta.additional_properties.get("created");
    assert_eq!(created, Some(&json!("2011-08-01T21:32:44.882Z")));

    case.assert_rt_model(&SCIM_V2_USER);
    case.assert_rt_exact();
}

#[test]
fn rfc7644_3_4_2_list_response_partial() {
    let case = read_case::<ScimUserListResponse>("rfc7644-3.4.2-list-response-partial.json");
    let response = &case.model;
    assert_eq!(response.total_results, Some(2));
    assert_eq!(response.start_index, None, "no default is invented");
    assert_eq!(response.items_per_page, None, "no default is invented");

    let resources = list(&response.resources);
    let users: Vec<_> = resources
        .iter()
        .map(|u| (u.id.as_deref(), u.user_name.as_deref()))
        .collect();
    assert_eq!(
        users,
        [
            (Some("2819c223-7f76-453a-919d-413861904646"), Some("tvale")),
            (
                Some("c75ad752-64ae-4823-840d-ffa80929976c"),
                Some("cokafor")
            ),
        ]
    );
    assert!(resources
        .iter()
        .all(|user| user.schemas.is_none() && user.meta.is_none()));

    case.assert_rt_exact();
}

#[test]
fn rfc7644_3_5_2_1_patch_add_no_path() {
    let case = read_case::<ScimV2PatchRequest>("rfc7644-3.5.2.1-patch-add-no-path.json");
    let request = &case.model;
    assert_eq!(request.schemas, [PATCH_OP]);
    let operations = list(&request.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Add);
    assert_eq!(operations[0].path, None);

    // The value is untyped: the lower-case `nickname` is not canonicalised.
    let value = json!({
        "emails": [{"value": "tam@vale.example.org", "type": "home"}],
        "nickname": "Tam",
    });
    assert_eq!(operations[0].value, Some(value));

    case.assert_rt_exact();
}

#[test]
fn rfc7644_3_5_2_2_patch_remove_member_filter() {
    let case = read_case::<ScimV2PatchRequest>("rfc7644-3.5.2.2-patch-remove-member-filter.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 2);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Remove);
    let filter = r#"members[value eq"2819c223...919d-413861904646"]"#;
    assert_eq!(
        operations[0].path.as_deref(),
        Some(filter),
        "the path is kept byte for byte"
    );
    assert_eq!(operations[0].value, None);

    assert_eq!(operations[1].op, ScimV2PatchOperationOp::Add);
    let member = json!({
        "display": "Pell Draycott",
        "$ref": "https://example.com/v2/Users/08e1d05d...473d93df9210",
        "value": "08e1d05d...473d93df9210",
    });
    assert_eq!(operations[1].value, Some(json!([member])));

    case.assert_rt_exact();
    assert_eq!(case.output["Operations"][0]["path"], json!(filter));
}

#[test]
fn rfc7644_3_5_2_2_patch_remove_multi_filter() {
    let case = read_case::<ScimV2PatchRequest>("rfc7644-3.5.2.2-patch-remove-multi-filter.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].op, ScimV2PatchOperationOp::Remove);
    let filter = r#"emails[type eq "work" and value ew "example.com"]"#;
    assert_eq!(operations[0].path.as_deref(), Some(filter));
    assert_eq!(operations[0].value, None);

    case.assert_rt_exact();
}

#[test]
fn rfc7644_3_5_2_3_patch_replace_all_members() {
    let case = read_case::<ScimV2PatchRequest>("rfc7644-3.5.2.3-patch-replace-all-members.json");
    let operations = list(&case.model.operations);
    let steps: Vec<_> = operations
        .iter()
        .map(|o| (o.op.as_str(), o.path.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [("remove", Some("members")), ("add", Some("members"))]
    );
    assert_eq!(operations[0].value, None);

    // The elided `$ref` URLs inside the value are not checked.
    let members = operations[1]
        .value
        .as_ref()
        .and_then(Value::as_array)
        .expect("a list value");
    assert_eq!(members.len(), 2);
    assert_eq!(
        members[0]["$ref"],
        json!("https://example.com/v2/Users/2819c223...413861904646")
    );
    assert_eq!(
        members[1]["value"],
        json!("08e1d05d-121c-4561-8b96-473d93df9210")
    );

    case.assert_rt_exact();
}

#[test]
fn rfc7644_3_5_2_3_patch_replace_filtered_subattr() {
    let case =
        read_case::<ScimV2PatchRequest>("rfc7644-3.5.2.3-patch-replace-filtered-subattr.json");
    let operations = list(&case.model.operations);
    assert_eq!(operations.len(), 2);
    assert!(operations
        .iter()
        .all(|o| o.op == ScimV2PatchOperationOp::Replace));
    assert_eq!(
        operations[0].path.as_deref(),
        Some(r#"addresses[type eq "work"]"#)
    );
    let address = operations[0]
        .value
        .as_ref()
        .and_then(Value::as_object)
        .expect("an object");
    assert_eq!(
        address.get("streetAddress"),
        Some(&json!("911 Lantern Row"))
    );
    assert_eq!(address.get("primary"), Some(&json!(true)));
    assert_eq!(address.len(), 8);

    let street_path = r#"addresses[type eq "work"].streetAddress"#;
    assert_eq!(operations[1].path.as_deref(), Some(street_path));
    assert_eq!(operations[1].value, Some(json!("1010 Quill Ave")));

    case.assert_rt_exact();
}

#[test]
fn rfc7644_4_resource_types_list() {
    let case =
        read_case::<ScimConfigResourceTypesListResponse>("rfc7644-4-resource-types-list.json");
    let response = &case.model;
    assert_eq!(response.schemas, strings(&[LIST_RESPONSE]));
    assert_eq!(
        (
            response.total_results,
            response.start_index,
            response.items_per_page
        ),
        (Some(2), Some(1), Some(10))
    );

    let resources = list(&response.resources);
    assert_eq!(resources.len(), 2);
    let user_extensions = list(&resources[0].schema_extensions);
    assert_eq!(user_extensions[0].schema.as_deref(), Some(ENTERPRISE_USER));
    assert_eq!(user_extensions[0].required, Some(true));

    let group = &resources[1];
    assert_eq!(group.id.as_deref(), Some("Group"));
    assert_eq!(group.endpoint.as_deref(), Some("/Groups"));
    assert_eq!(group.schema.as_deref(), Some(CORE_GROUP));
    assert_eq!(
        group.schema_extensions, None,
        "the Group type has no extensions"
    );

    case.assert_rt_exact();
}
