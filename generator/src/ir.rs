//! The checked catalogue, with every Rust name decided: what the emitters read.

use std::path::PathBuf;

/// Every type to generate, sorted by name.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// The types, sorted by name.
    pub types: Vec<TypeIr>,
}

/// One generated type and its file.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeIr {
    /// The Rust type name, as in the definitions.
    pub name: String,
    /// The module that holds it, as written after `mod`.
    pub module: String,
    /// The file stem of that module.
    pub file_stem: String,
    /// The definition it came from, as shown in headers and messages.
    pub source: PathBuf,
    /// The subfolders of its definition: its area.
    pub area: Vec<String>,
    /// Its documentation, entities not yet decoded.
    pub description: Option<String>,
    /// What it is.
    pub kind: TypeKind,
}

/// A struct or an enum.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    /// A model.
    Struct(StructIr),
    /// An enum, from an enum file or from a property's `enum`.
    Enum(EnumIr),
}

/// A model's Rust shape.
#[derive(Clone, Debug, PartialEq)]
pub struct StructIr {
    /// The fields, in the table's order.
    pub fields: Vec<FieldIr>,
    /// Unknown members are kept in the field [`crate::naming::ADDITIONAL_FIELD`].
    pub additional_properties: bool,
    /// Keys are matched ignoring ASCII case.
    pub case_insensitive: bool,
    /// The builder's type name.
    pub builder: String,
    /// Every field type supports `Eq`.
    pub eq: bool,
    /// Every field type supports `Hash`.
    pub hash: bool,
}

impl StructIr {
    /// `Default` is derived where no field is required.
    pub fn default(&self) -> bool {
        self.fields.iter().all(|f| !f.required)
    }
}

/// One field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldIr {
    /// The Rust field name, escaped.
    pub ident: String,
    /// The table's Name column.
    pub table_name: String,
    /// The key on the wire.
    pub json: String,
    /// The field's type, without the `Option` of optional fields.
    pub ty: RustType,
    /// Not wrapped in `Option`.
    pub required: bool,
    /// Stored in a `Box` because it closes a cycle of by-value fields.
    pub boxed: bool,
    /// Hidden from `Debug`.
    pub sensitive: bool,
    /// The Description column, entities not yet decoded.
    pub description: Option<String>,
}

/// The Rust types a field can have.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RustType {
    /// `String`.
    String,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `chrono::NaiveDate`.
    Date,
    /// `chrono::DateTime<chrono::FixedOffset>`.
    DateTime,
    /// `chrono::NaiveDateTime`.
    LocalDateTime,
    /// `serde_json::Value`.
    Value,
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// `BTreeMap<String, T>`.
    Map(Box<RustType>),
    /// A generated type.
    Named(String),
}

impl RustType {
    /// Whether the type, or a type inside it, needs the date-time crate.
    pub fn uses_chrono(&self) -> bool {
        match self {
            RustType::Date | RustType::DateTime | RustType::LocalDateTime => true,
            RustType::Vec(t) | RustType::Map(t) => t.uses_chrono(),
            _ => false,
        }
    }
}

/// An enum's Rust shape.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumIr {
    /// One variant per value, in the definition's order.
    pub variants: Vec<VariantIr>,
    /// Values are matched ignoring ASCII case.
    pub case_insensitive: bool,
    /// The model and row it was made from, for a property's `enum`.
    pub from_property: Option<(String, String)>,
}

/// One enum value.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantIr {
    /// The variant name.
    pub ident: String,
    /// The value on the wire.
    pub value: String,
}
