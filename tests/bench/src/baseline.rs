//! Hand-written serde derives of the same shape as the generated SCIM models: the baseline.
//!
//! [`derive`](mod@derive) is what one writes by hand without the generator: `Option` fields
//! skipped when `None`, unknown members dropped. [`flatten`] is the same with a
//! `#[serde(flatten)] extra: IndexMap` on every struct, the usual way to keep unknown
//! members with derives, so the generated keep-unknown code has a derive to compare with too.
//! Enums use `#[serde(other)]` for values they do not list, serde's cheapest catch-all.

use serde::{Deserialize, Serialize};

/// Declares every struct twice, once in each module, from one list of fields.
macro_rules! baseline {
    ($($name:ident { $($(#[$attr:meta])* $field:ident: $ty:ty,)* })*) => {
        /// Unknown members dropped.
        pub mod derive {
            use super::*;
            $(
                #[allow(missing_docs)]
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                #[serde(rename_all = "camelCase")]
                pub struct $name { $($(#[$attr])* pub $field: $ty,)* }
            )*
        }

        /// Unknown members kept through `#[serde(flatten)]`.
        pub mod flatten {
            use super::*;
            $(
                #[allow(missing_docs)]
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                #[serde(rename_all = "camelCase")]
                pub struct $name {
                    $($(#[$attr])* pub $field: $ty,)*
                    #[serde(flatten)]
                    pub extra: indexmap::IndexMap<String, serde_json::Value>,
                }
            )*
        }
    };
}

baseline! {
    User {
        #[serde(skip_serializing_if = "Option::is_none")] id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] schemas: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")] active: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")] user_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] display_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] password: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] title: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] phone_numbers: Option<Vec<PhoneNumber>>,
        #[serde(skip_serializing_if = "Option::is_none")] emails: Option<Vec<Email>>,
        #[serde(skip_serializing_if = "Option::is_none")] external_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] groups: Option<Vec<GroupReference>>,
        #[serde(skip_serializing_if = "Option::is_none")] roles: Option<Vec<Role>>,
        #[serde(rename = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")]
        #[serde(skip_serializing_if = "Option::is_none")]
        enterprise_user: Option<EnterpriseUser>,
        #[serde(rename = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User")]
        #[serde(skip_serializing_if = "Option::is_none")]
        genesys_user: Option<UserExtensions>,
        #[serde(skip_serializing_if = "Option::is_none")] meta: Option<Metadata>,
    }
    PhoneNumber {
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<String>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")] kind: Option<PhoneType>,
        #[serde(skip_serializing_if = "Option::is_none")] primary: Option<bool>,
    }
    Email {
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<String>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")] kind: Option<EmailType>,
        #[serde(skip_serializing_if = "Option::is_none")] primary: Option<bool>,
    }
    GroupReference {
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        kind: Option<ResourceType>,
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<String>,
        #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    }
    Role {
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<String>,
    }
    EnterpriseUser {
        #[serde(skip_serializing_if = "Option::is_none")] division: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] department: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] manager: Option<Manager>,
        #[serde(skip_serializing_if = "Option::is_none")] employee_number: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] date_hire: Option<String>,
    }
    Manager {
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<String>,
        #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    }
    UserExtensions {
        #[serde(skip_serializing_if = "Option::is_none")] routing_skills: Option<Vec<RoutingSkill>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        routing_languages: Option<Vec<RoutingLanguage>>,
        #[serde(skip_serializing_if = "Option::is_none")] external_ids: Option<Vec<ExternalId>>,
    }
    RoutingSkill {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")] proficiency: Option<f64>,
    }
    RoutingLanguage {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")] proficiency: Option<f64>,
    }
    ExternalId {
        authority: String,
        value: String,
    }
    Metadata {
        #[serde(skip_serializing_if = "Option::is_none")] resource_type: Option<ResourceType>,
        #[serde(skip_serializing_if = "Option::is_none")]
        last_modified: Option<chrono::DateTime<chrono::FixedOffset>>,
        #[serde(skip_serializing_if = "Option::is_none")] location: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] version: Option<String>,
    }
    Group {
        #[serde(skip_serializing_if = "Option::is_none")] id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] schemas: Option<Vec<String>>,
        display_name: String,
        #[serde(skip_serializing_if = "Option::is_none")] external_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] members: Option<Vec<MemberReference>>,
        #[serde(skip_serializing_if = "Option::is_none")] meta: Option<Metadata>,
    }
    MemberReference {
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        kind: Option<ResourceType>,
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<String>,
        #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    }
    PatchRequest {
        schemas: Vec<String>,
        #[serde(rename = "Operations", skip_serializing_if = "Option::is_none")]
        operations: Option<Vec<PatchOperation>>,
    }
    PatchOperation {
        op: Op,
        #[serde(skip_serializing_if = "Option::is_none")] path: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")] value: Option<serde_json::Value>,
    }
}

/// The kinds of a phone number.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhoneType {
    Work,
    Work2,
    Work3,
    Work4,
    Home,
    Mobile,
    Other,
    Microsoftteams,
    Zoomphone,
    Eightbyeight,
    Ringcentral,
    #[serde(other)]
    Unknown,
}

/// The kinds of an email address.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmailType {
    Work,
    Other,
    #[serde(other)]
    Unknown,
}

/// The kinds of a SCIM resource.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceType {
    User,
    Group,
    ServiceProviderConfig,
    ResourceType,
    Schema,
    #[serde(other)]
    Unknown,
}

/// A PATCH operation.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Add,
    Replace,
    Remove,
    #[serde(other)]
    Unknown,
}
