//! The definition an import writes: made from a page, or from a page over a definition.

use super::PageModel;
use crate::emit::docs::decode_entities;
use crate::model::{Body, Definition, EnumValue, Property};
use crate::naming;

/// A definition to write, every text plain (entities are added when it is written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The model's name.
    pub name: String,
    /// The model's documentation.
    pub description: Option<String>,
    /// Kept from the definition the page replaces; a page cannot say it.
    pub additional_properties: bool,
    /// Kept from the definition the page replaces; a page cannot say it.
    pub case_insensitive: bool,
    /// The rows, in the page's order.
    pub rows: Vec<DraftRow>,
}

/// One row to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftRow {
    /// `name`.
    pub name: String,
    /// `type`, as the page writes it.
    pub type_text: String,
    /// `description`.
    pub description: Option<String>,
    /// `required`.
    pub required: bool,
    /// `json`, only where it is not the default key.
    pub json: Option<String>,
    /// `rust`, kept from the definition.
    pub rust: Option<String>,
    /// `enum`.
    pub enum_values: Option<Vec<DraftValue>>,
    /// `enum_name`, kept from the definition.
    pub enum_name: Option<String>,
    /// `case_insensitive`, kept from the definition.
    pub case_insensitive: bool,
    /// `sensitive`, kept from the definition.
    pub sensitive: bool,
}

/// One allowed value, with the variant name a definition gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftValue {
    /// The value on the wire.
    pub value: String,
    /// The variant name, kept from the definition.
    pub rust: Option<String>,
}

impl Draft {
    /// What the page alone says.
    pub fn from_page(page: &PageModel) -> Self {
        let rows = page
            .rows
            .iter()
            .map(|row| DraftRow {
                name: row.name.clone(),
                type_text: row.type_text.clone(),
                description: row.description.clone(),
                required: row.required,
                json: row
                    .json
                    .clone()
                    .filter(|j| *j != naming::default_json_key(&row.name)),
                rust: None,
                enum_values: row.enum_values.as_ref().map(|values| {
                    values
                        .iter()
                        .map(|v| DraftValue {
                            value: v.clone(),
                            rust: None,
                        })
                        .collect()
                }),
                enum_name: None,
                case_insensitive: false,
                sensitive: false,
            })
            .collect();
        Draft {
            name: page.name.clone(),
            description: page.description.clone(),
            additional_properties: false,
            case_insensitive: false,
            rows,
        }
    }

    /// The page over an existing definition: the page decides what it says, and the
    /// definition keeps what a page cannot say (`rust`, `sensitive`, `enum_name`,
    /// `case_insensitive`, `additional_properties`, and `json`, `enum` or the model's
    /// description where the page lacks the column or the paragraph). Rows follow the page.
    pub fn merged(page: &PageModel, existing: &Definition) -> Self {
        let mut draft = Draft::from_page(page);
        if draft.description.is_none() {
            draft.description = existing.description.as_deref().map(decode_entities);
        }
        let Body::Model(model) = &existing.body else {
            return draft;
        };
        draft.additional_properties = model.additional_properties;
        draft.case_insensitive = model.case_insensitive;
        for row in &mut draft.rows {
            let Some(old) = model.properties.iter().find(|p| p.name.value == row.name) else {
                continue;
            };
            keep(row, old, page);
        }
        draft
    }
}

/// Carries the keys of `old` that the page cannot say over to `row`.
fn keep(row: &mut DraftRow, old: &Property, page: &PageModel) {
    row.rust = old.rust.as_ref().map(|r| r.value.clone());
    row.sensitive = old.sensitive;
    if !page.has_json() {
        row.json = old.json.as_ref().map(|j| j.value.clone());
    }
    let old_values = old.enum_values.as_ref().map(|v| v.value.as_slice());
    if !page.has_enum() {
        row.enum_values = old_values.map(|values| values.iter().map(value).collect());
    }
    let Some(values) = &mut row.enum_values else {
        return;
    };
    for v in values.iter_mut() {
        let named = old_values.and_then(|old| old.iter().find(|o| o.value == v.value));
        v.rust = named.and_then(|o| o.rust.as_ref()).map(|r| r.value.clone());
    }
    row.enum_name = old.enum_name.as_ref().map(|n| n.value.clone());
    row.case_insensitive = old.case_insensitive;
}

fn value(v: &EnumValue) -> DraftValue {
    DraftValue {
        value: v.value.clone(),
        rust: v.rust.as_ref().map(|r| r.value.clone()),
    }
}

/// Whether a definition read back from the written text says exactly what the draft says.
pub fn reads_back(draft: &Draft, def: &Definition) -> bool {
    let Body::Model(model) = &def.body else {
        return false;
    };
    let decoded = |d: &Option<String>| d.as_deref().map(decode_entities);
    def.name.value == draft.name
        && decoded(&def.description) == draft.description
        && model.additional_properties == draft.additional_properties
        && model.case_insensitive == draft.case_insensitive
        && model.properties.len() == draft.rows.len()
        && model.properties.iter().zip(&draft.rows).all(|(p, r)| {
            let values = p
                .enum_values
                .as_ref()
                .map(|v| v.value.iter().map(value).collect::<Vec<_>>());
            p.name.value == r.name
                && p.type_text.value == r.type_text
                && decoded(&p.description) == r.description
                && p.required == r.required
                && p.json.as_ref().map(|j| &j.value) == r.json.as_ref()
                && p.rust.as_ref().map(|j| &j.value) == r.rust.as_ref()
                && values == r.enum_values
                && p.enum_name.as_ref().map(|j| &j.value) == r.enum_name.as_ref()
                && p.case_insensitive == r.case_insensitive
                && p.sensitive == r.sensitive
        })
}
