//! The definitions as read from YAML: plain data, each value with the place it came from.

use crate::diag::Pos;
use std::path::PathBuf;

/// A value and the position of its first character in the definition file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T> Spanned<T> {
    /// Wraps `value` read at `pos`.
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }
}

/// One definition file: a model or an enum.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    /// The file, as shown in messages (for example `definitions/scim/ScimEmail.yaml`).
    pub file: PathBuf,
    /// The file's stem, which must equal the type's name.
    pub stem: String,
    /// The subfolders between the definitions folder and the file: the type's area.
    pub area: Vec<String>,
    /// The type's name.
    pub name: Spanned<String>,
    /// The type's documentation, entities not yet decoded.
    pub description: Option<String>,
    /// What the type is.
    pub body: Body,
}

/// A model's rows or an enum's values.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// A struct.
    Model(Model),
    /// An enum of strings.
    Enum(EnumDef),
}

/// A model: a property table.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The rows, in the table's order.
    pub properties: Vec<Property>,
    /// Where `properties` was written (for models with no rows).
    pub properties_pos: Pos,
    /// Keep JSON members the model does not name.
    pub additional_properties: bool,
    /// Match JSON keys ignoring ASCII case.
    pub case_insensitive: bool,
}

/// One row of a property table.
#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    /// Where the row starts.
    pub pos: Pos,
    /// The Name column.
    pub name: Spanned<String>,
    /// The Type column, as written.
    pub type_text: Spanned<String>,
    /// The Type column, parsed.
    pub ty: TypeExpr,
    /// The Description column, entities not yet decoded.
    pub description: Option<String>,
    /// The row is required.
    pub required: bool,
    /// The exact JSON key, where it is not the lowerCamelCase of the name.
    pub json: Option<Spanned<String>>,
    /// The Rust field name, where the table's name makes a poor one.
    pub rust: Option<Spanned<String>>,
    /// Allowed values, which make an enum type.
    pub enum_values: Option<Spanned<Vec<EnumValue>>>,
    /// The name of that enum type.
    pub enum_name: Option<Spanned<String>>,
    /// Match the enum's values ignoring ASCII case.
    pub case_insensitive: bool,
    /// Hide the value from `Debug`.
    pub sensitive: bool,
}

/// An enum file.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumDef {
    /// The values.
    pub values: Spanned<Vec<EnumValue>>,
    /// Match values ignoring ASCII case.
    pub case_insensitive: bool,
}

/// One allowed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumValue {
    /// The value on the wire.
    pub value: String,
    /// Where it was written.
    pub pos: Pos,
    /// The variant name chosen by the definition.
    pub rust: Option<Spanned<String>>,
}

/// A type of the table's notation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeExpr {
    /// `String`.
    String,
    /// `Integer`, `Long`.
    Integer,
    /// `Float`, `Double`.
    Float,
    /// `BOOLEAN`, `Boolean`.
    Boolean,
    /// `Date`.
    Date,
    /// `DateTime`.
    DateTime,
    /// `LocalDateTime`.
    LocalDateTime,
    /// `Object`: any JSON.
    Object,
    /// `Array<T>`.
    Array(Box<TypeExpr>),
    /// `Hash<String, T>`.
    Hash(Box<TypeExpr>),
    /// A type defined in the definitions.
    Named(String),
}

impl TypeExpr {
    /// Every defined type this expression names, outermost first.
    pub fn named(&self) -> Option<&str> {
        match self {
            TypeExpr::Named(n) => Some(n),
            TypeExpr::Array(inner) | TypeExpr::Hash(inner) => inner.named(),
            _ => None,
        }
    }
}
