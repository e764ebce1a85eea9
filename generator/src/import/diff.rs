//! What a page says differently from an existing definition, row by row.
//!
//! Only what the page carries is compared: a page without the JSON key or allowed-values
//! columns says nothing about `json` or `enum`, and no page says anything about `rust`,
//! `sensitive`, `enum_name`, `case_insensitive` or `additional_properties`.

use super::row::PageRow;
use super::PageModel;
use crate::emit::docs::decode_entities;
use crate::model::{Body, Definition, Property};
use crate::naming;
use std::fmt;

/// One thing the page says differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The row, or `None` for the model itself.
    pub row: Option<String>,
    /// The row's line on the page, where the page has the row.
    pub line: Option<usize>,
    /// What differs.
    pub change: Change,
}

/// What differs, the page's side first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The definition is an enum; the page describes a model.
    NotAModel,
    /// The description (of the model, or of the row).
    Description {
        page: Option<String>,
        definition: Option<String>,
    },
    /// The Type column.
    Type { page: String, definition: String },
    /// The Notes column: `true` where the page leaves it empty.
    Required { page: bool },
    /// The JSON key.
    Json { page: String, definition: String },
    /// The allowed values.
    Enum {
        page: Option<Vec<String>>,
        definition: Option<Vec<String>>,
    },
    /// The page has the row, the definition does not.
    OnlyOnPage,
    /// The definition has the row, the page does not.
    OnlyInDefinition,
    /// Both have the same rows but in another order; the page's order.
    Order { page: Vec<String> },
}

/// Every difference: the model first, then the page's rows in order, then the rows only the
/// definition has, then the order.
pub fn differences(page: &PageModel, def: &Definition) -> Vec<Difference> {
    let mut out = Vec::new();
    let model = |change| Difference {
        row: None,
        line: None,
        change,
    };
    let def_description = def.description.as_deref().map(decode_entities);
    if page.description.is_some() && page.description != def_description {
        out.push(model(Change::Description {
            page: page.description.clone(),
            definition: def_description,
        }));
    }
    let Body::Model(m) = &def.body else {
        out.push(model(Change::NotAModel));
        return out;
    };

    for row in &page.rows {
        match m.properties.iter().find(|p| p.name.value == row.name) {
            Some(old) => compare(page, row, old, &mut out),
            None => out.push(at(row, Change::OnlyOnPage)),
        }
    }
    for old in &m.properties {
        if !page.rows.iter().any(|r| r.name == old.name.value) {
            let row = Some(old.name.value.clone());
            out.push(Difference {
                row,
                line: None,
                change: Change::OnlyInDefinition,
            });
        }
    }

    let on_page: Vec<&str> = page.rows.iter().map(|r| r.name.as_str()).collect();
    let page_order: Vec<&str> = on_page
        .iter()
        .copied()
        .filter(|n| m.properties.iter().any(|p| p.name.value == *n))
        .collect();
    let def_order: Vec<&str> = m
        .properties
        .iter()
        .map(|p| p.name.value.as_str())
        .filter(|n| on_page.contains(n))
        .collect();
    if page_order != def_order {
        let page = page_order.iter().map(|n| (*n).to_owned()).collect();
        out.push(model(Change::Order { page }));
    }
    out
}

fn at(row: &PageRow, change: Change) -> Difference {
    Difference {
        row: Some(row.name.clone()),
        line: Some(row.pos.line),
        change,
    }
}

fn compare(page: &PageModel, row: &PageRow, old: &Property, out: &mut Vec<Difference>) {
    let old_description = old
        .description
        .as_deref()
        .map(decode_entities)
        .filter(|d| !d.is_empty());
    if row.description != old_description {
        let change = Change::Description {
            page: row.description.clone(),
            definition: old_description,
        };
        out.push(at(row, change));
    }
    if row.ty != old.ty {
        let change = Change::Type {
            page: row.type_text.clone(),
            definition: old.type_text.value.clone(),
        };
        out.push(at(row, change));
    }
    if row.required != old.required {
        out.push(at(row, Change::Required { page: row.required }));
    }
    if page.has_json() {
        let old_key = old.json.as_ref().map(|j| j.value.clone());
        let old_key = old_key.unwrap_or_else(|| naming::default_json_key(&old.name.value));
        if row.json_key() != old_key {
            out.push(at(
                row,
                Change::Json {
                    page: row.json_key(),
                    definition: old_key,
                },
            ));
        }
    }
    if page.has_enum() {
        let old_values = old
            .enum_values
            .as_ref()
            .map(|v| v.value.iter().map(|e| e.value.clone()).collect());
        if row.enum_values != old_values {
            out.push(at(
                row,
                Change::Enum {
                    page: row.enum_values.clone(),
                    definition: old_values,
                },
            ));
        }
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.row, self.line) {
            (Some(row), Some(line)) => write!(f, "row `{row}` (line {line}): ")?,
            (Some(row), None) => write!(f, "row `{row}`: ")?,
            (None, _) => write!(f, "model: ")?,
        }
        match &self.change {
            Change::NotAModel => write!(f, "the definition is an enum, the page a model"),
            Change::Description { page, definition } => write!(
                f,
                "the description on the page is {}, in the definition {}",
                text(page.as_deref()),
                text(definition.as_deref())
            ),
            Change::Type { page, definition } => {
                write!(
                    f,
                    "the type on the page is `{page}`, in the definition `{definition}`"
                )
            }
            Change::Required { page: true } => {
                write!(
                    f,
                    "required on the page (empty Notes), optional in the definition"
                )
            }
            Change::Required { page: false } => {
                write!(
                    f,
                    "optional on the page ([optional]), required in the definition"
                )
            }
            Change::Json { page, definition } => {
                write!(
                    f,
                    "the JSON key on the page is `{page}`, in the definition `{definition}`"
                )
            }
            Change::Enum { page, definition } => write!(
                f,
                "the allowed values on the page are {}, in the definition {}",
                values(page.as_deref()),
                values(definition.as_deref())
            ),
            Change::OnlyOnPage => write!(f, "on the page, not in the definition"),
            Change::OnlyInDefinition => write!(f, "in the definition, not on the page"),
            Change::Order { page } => {
                let names: Vec<String> = page.iter().map(|n| format!("`{n}`")).collect();
                write!(
                    f,
                    "the rows are in another order on the page: {}",
                    names.join(", ")
                )
            }
        }
    }
}

fn text(t: Option<&str>) -> String {
    t.map_or_else(|| "none".to_owned(), |t| format!("{t:?}"))
}

fn values(v: Option<&[String]>) -> String {
    match v {
        None => "none".to_owned(),
        Some(v) => v
            .iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(", "),
    }
}
