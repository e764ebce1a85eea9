//! The attribute names each Genesys SCIM model knows, written down independently of the
//! generated crate from `reference/genesys-scim/*.md`, so that rules U, N and C can be
//! applied to a payload without trusting the code under test.

/// One model: the JSON keys its table lists, in their canonical spelling.
#[derive(Debug)]
pub struct Model {
    /// The model's name, as in the reference table's title.
    pub name: &'static str,
    /// The table's rows.
    pub fields: &'static [Field],
}

/// One row of a model's table.
#[derive(Debug)]
pub struct Field {
    /// The exact JSON key on the wire.
    pub key: &'static str,
    /// How the member's value is compared.
    pub shape: Shape,
}

/// How a known member's value takes part in a model-aware comparison.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// A string, number, boolean or list of them; rule N applies to the member.
    Scalar,
    /// Untyped JSON (`Object` in the tables): kept verbatim, so rule N does not apply,
    /// because in `PatchOperation.value` both `[]` and `null` carry meaning.
    Verbatim,
    /// The `op` of a PATCH operation, which RT-canon compares lower-cased (rule O).
    Op,
    /// A nested model, or a list of it.
    Model(&'static Model),
}

impl Model {
    /// The row whose key is `key`, matched exactly or, with `ignore_case`, ignoring ASCII
    /// case (rule C).
    pub fn field(&self, key: &str, ignore_case: bool) -> Option<&Field> {
        self.fields
            .iter()
            .find(|field| field.key == key || (ignore_case && field.key.eq_ignore_ascii_case(key)))
    }
}

const fn scalar(key: &'static str) -> Field {
    Field {
        key,
        shape: Shape::Scalar,
    }
}

const fn nested(key: &'static str, model: &'static Model) -> Field {
    Field {
        key,
        shape: Shape::Model(model),
    }
}

const ENTERPRISE_URN: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GENESYS_URN: &str = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User";

/// `ScimV2User`.
pub static SCIM_V2_USER: Model = Model {
    name: "ScimV2User",
    fields: &[
        scalar("id"),
        scalar("schemas"),
        scalar("active"),
        scalar("userName"),
        scalar("displayName"),
        scalar("password"),
        scalar("title"),
        nested("phoneNumbers", &SCIM_PHONE_NUMBER),
        nested("emails", &SCIM_EMAIL),
        scalar("externalId"),
        nested("groups", &SCIM_V2_GROUP_REFERENCE),
        nested("roles", &SCIM_USER_ROLE),
        nested(ENTERPRISE_URN, &SCIM_V2_ENTERPRISE_USER),
        nested(GENESYS_URN, &SCIM_USER_EXTENSIONS),
        nested("meta", &SCIM_METADATA),
    ],
};

/// `ScimV2CreateUser`.
pub static SCIM_V2_CREATE_USER: Model = Model {
    name: "ScimV2CreateUser",
    fields: &[
        scalar("schemas"),
        scalar("active"),
        scalar("userName"),
        scalar("displayName"),
        scalar("password"),
        scalar("title"),
        nested("phoneNumbers", &SCIM_PHONE_NUMBER),
        nested("emails", &SCIM_EMAIL),
        scalar("externalId"),
        nested("groups", &SCIM_V2_GROUP_REFERENCE),
        nested("roles", &SCIM_USER_ROLE),
        nested(ENTERPRISE_URN, &SCIM_V2_ENTERPRISE_USER),
        nested(GENESYS_URN, &SCIM_USER_EXTENSIONS),
    ],
};

/// `ScimMetadata`: the Genesys model has no `created`.
pub static SCIM_METADATA: Model = Model {
    name: "ScimMetadata",
    fields: &[
        scalar("resourceType"),
        scalar("lastModified"),
        scalar("location"),
        scalar("version"),
    ],
};

/// `ScimEmail`.
pub static SCIM_EMAIL: Model = Model {
    name: "ScimEmail",
    fields: &[scalar("value"), scalar("type"), scalar("primary")],
};

/// `ScimPhoneNumber`.
pub static SCIM_PHONE_NUMBER: Model = Model {
    name: "ScimPhoneNumber",
    fields: &[scalar("value"), scalar("type"), scalar("primary")],
};

/// `ScimV2GroupReference`: the Genesys model has no `display`.
pub static SCIM_V2_GROUP_REFERENCE: Model = Model {
    name: "ScimV2GroupReference",
    fields: &[scalar("type"), scalar("value"), scalar("$ref")],
};

/// `ScimUserRole`.
pub static SCIM_USER_ROLE: Model = Model {
    name: "ScimUserRole",
    fields: &[scalar("value")],
};

/// `ScimV2EnterpriseUser`: no `costCenter` or `organization`, but `dateHire`.
pub static SCIM_V2_ENTERPRISE_USER: Model = Model {
    name: "ScimV2EnterpriseUser",
    fields: &[
        scalar("division"),
        scalar("department"),
        nested("manager", &MANAGER),
        scalar("employeeNumber"),
        scalar("dateHire"),
    ],
};

/// `Manager`: the Genesys model has no `displayName`.
pub static MANAGER: Model = Model {
    name: "Manager",
    fields: &[scalar("value"), scalar("$ref")],
};

/// `ScimUserExtensions`, under the Genesys extension URN.
pub static SCIM_USER_EXTENSIONS: Model = Model {
    name: "ScimUserExtensions",
    fields: &[
        nested("routingSkills", &SCIM_USER_ROUTING_SKILL),
        nested("routingLanguages", &SCIM_USER_ROUTING_LANGUAGE),
        nested("externalIds", &SCIM_GENESYS_USER_EXTERNAL_ID),
    ],
};

/// `ScimUserRoutingSkill`.
pub static SCIM_USER_ROUTING_SKILL: Model = Model {
    name: "ScimUserRoutingSkill",
    fields: &[scalar("name"), scalar("proficiency")],
};

/// `ScimUserRoutingLanguage`.
pub static SCIM_USER_ROUTING_LANGUAGE: Model = Model {
    name: "ScimUserRoutingLanguage",
    fields: &[scalar("name"), scalar("proficiency")],
};

/// `ScimGenesysUserExternalId`.
pub static SCIM_GENESYS_USER_EXTERNAL_ID: Model = Model {
    name: "ScimGenesysUserExternalId",
    fields: &[scalar("authority"), scalar("value")],
};

/// `ScimV2Group`.
pub static SCIM_V2_GROUP: Model = Model {
    name: "ScimV2Group",
    fields: &[
        scalar("id"),
        scalar("schemas"),
        scalar("displayName"),
        scalar("externalId"),
        nested("members", &SCIM_V2_MEMBER_REFERENCE),
        nested("meta", &SCIM_METADATA),
    ],
};

/// `ScimV2MemberReference`: the Genesys model has no `display`.
pub static SCIM_V2_MEMBER_REFERENCE: Model = Model {
    name: "ScimV2MemberReference",
    fields: &[scalar("type"), scalar("value"), scalar("$ref")],
};

/// `ScimV2PatchRequest`.
pub static SCIM_V2_PATCH_REQUEST: Model = Model {
    name: "ScimV2PatchRequest",
    fields: &[
        scalar("schemas"),
        nested("Operations", &SCIM_V2_PATCH_OPERATION),
    ],
};

/// `ScimV2PatchOperation`: `value` is untyped and compared verbatim.
pub static SCIM_V2_PATCH_OPERATION: Model = Model {
    name: "ScimV2PatchOperation",
    fields: &[
        Field {
            key: "op",
            shape: Shape::Op,
        },
        scalar("path"),
        Field {
            key: "value",
            shape: Shape::Verbatim,
        },
    ],
};

/// `ScimError`.
pub static SCIM_ERROR: Model = Model {
    name: "ScimError",
    fields: &[
        scalar("schemas"),
        scalar("status"),
        scalar("scimType"),
        scalar("detail"),
    ],
};

/// `ScimServiceProviderConfig`.
pub static SCIM_SERVICE_PROVIDER_CONFIG: Model = Model {
    name: "ScimServiceProviderConfig",
    fields: &[
        scalar("schemas"),
        scalar("documentationUri"),
        nested("patch", &SIMPLE_FEATURE),
        nested("filter", &FILTER_FEATURE),
        nested("etag", &SIMPLE_FEATURE),
        nested("sort", &SIMPLE_FEATURE),
        nested("bulk", &BULK_FEATURE),
        nested("changePassword", &SIMPLE_FEATURE),
        nested("authenticationSchemes", &AUTHENTICATION_SCHEME),
        nested("meta", &SCIM_METADATA),
    ],
};

/// `ScimServiceProviderConfigSimpleFeature`.
pub static SIMPLE_FEATURE: Model = Model {
    name: "ScimServiceProviderConfigSimpleFeature",
    fields: &[scalar("supported")],
};

/// `ScimServiceProviderConfigFilterFeature`.
pub static FILTER_FEATURE: Model = Model {
    name: "ScimServiceProviderConfigFilterFeature",
    fields: &[scalar("supported"), scalar("maxResults")],
};

/// `ScimServiceProviderConfigBulkFeature`.
pub static BULK_FEATURE: Model = Model {
    name: "ScimServiceProviderConfigBulkFeature",
    fields: &[
        scalar("supported"),
        scalar("maxOperations"),
        scalar("maxPayloadSize"),
    ],
};

/// `ScimServiceProviderConfigAuthenticationScheme`.
pub static AUTHENTICATION_SCHEME: Model = Model {
    name: "ScimServiceProviderConfigAuthenticationScheme",
    fields: &[
        scalar("name"),
        scalar("description"),
        scalar("specUri"),
        scalar("documentationUri"),
        scalar("type"),
        scalar("primary"),
    ],
};

/// `ScimConfigResourceType`.
pub static SCIM_CONFIG_RESOURCE_TYPE: Model = Model {
    name: "ScimConfigResourceType",
    fields: &[
        scalar("id"),
        scalar("schemas"),
        scalar("name"),
        scalar("description"),
        scalar("schema"),
        nested("schemaExtensions", &SCHEMA_EXTENSION),
        scalar("endpoint"),
        nested("meta", &SCIM_METADATA),
    ],
};

/// `ScimConfigResourceTypeSchemaExtension`.
pub static SCHEMA_EXTENSION: Model = Model {
    name: "ScimConfigResourceTypeSchemaExtension",
    fields: &[scalar("schema"), scalar("required")],
};

/// `ScimV2SchemaDefinition`: the Genesys model has no `schemas`.
pub static SCIM_V2_SCHEMA_DEFINITION: Model = Model {
    name: "ScimV2SchemaDefinition",
    fields: &[
        scalar("id"),
        scalar("name"),
        scalar("description"),
        nested("attributes", &SCIM_V2_SCHEMA_ATTRIBUTE),
        nested("meta", &SCIM_METADATA),
    ],
};

/// `ScimV2SchemaAttribute`, which nests itself through `subAttributes`.
pub static SCIM_V2_SCHEMA_ATTRIBUTE: Model = Model {
    name: "ScimV2SchemaAttribute",
    fields: &[
        scalar("name"),
        scalar("type"),
        nested("subAttributes", &SCIM_V2_SCHEMA_ATTRIBUTE),
        scalar("multiValued"),
        scalar("description"),
        scalar("required"),
        scalar("canonicalValues"),
        scalar("caseExact"),
        scalar("mutability"),
        scalar("returned"),
        scalar("uniqueness"),
        scalar("referenceTypes"),
    ],
};

/// `ScimUserListResponse`.
pub static SCIM_USER_LIST_RESPONSE: Model = list_response("ScimUserListResponse", &LIST_OF_USERS);

/// `ScimGroupListResponse`.
pub static SCIM_GROUP_LIST_RESPONSE: Model =
    list_response("ScimGroupListResponse", &LIST_OF_GROUPS);

/// `ScimConfigResourceTypesListResponse`.
pub static SCIM_CONFIG_RESOURCE_TYPES_LIST_RESPONSE: Model = list_response(
    "ScimConfigResourceTypesListResponse",
    &LIST_OF_RESOURCE_TYPES,
);

/// `ScimV2SchemaListResponse`.
pub static SCIM_V2_SCHEMA_LIST_RESPONSE: Model =
    list_response("ScimV2SchemaListResponse", &LIST_OF_SCHEMAS);

// The four list responses differ only in the model of `Resources`.
static LIST_OF_USERS: [Field; 5] = list_fields(&SCIM_V2_USER);
static LIST_OF_GROUPS: [Field; 5] = list_fields(&SCIM_V2_GROUP);
static LIST_OF_RESOURCE_TYPES: [Field; 5] = list_fields(&SCIM_CONFIG_RESOURCE_TYPE);
static LIST_OF_SCHEMAS: [Field; 5] = list_fields(&SCIM_V2_SCHEMA_DEFINITION);

const fn list_fields(resource: &'static Model) -> [Field; 5] {
    [
        scalar("schemas"),
        scalar("totalResults"),
        scalar("startIndex"),
        scalar("itemsPerPage"),
        nested("Resources", resource),
    ]
}

const fn list_response(name: &'static str, fields: &'static [Field]) -> Model {
    Model { name, fields }
}
