//! Every naming rule in one place: case conversion, keyword escaping and what may collide.

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

/// Keywords of every Rust edition (strict and reserved), which fields escape as raw identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that have no raw form; names that would be one get a trailing underscore.
const NO_RAW_FORM: &[&str] = &["self", "Self", "super", "crate", "_"];

/// The name of the variant that keeps values a definition does not list.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// The field that keeps unknown JSON members of a model with `additional_properties`.
pub const ADDITIONAL_FIELD: &str = "additional_properties";

/// The builder method that adds one unknown member, on models with `additional_properties`.
pub const ADDITIONAL_SETTER: &str = "additional_property";

/// Names the generated crate defines at its root besides the types, which no type may take.
pub const CRATE_ITEMS: &[&str] = &["BuildError", "JsonError"];

/// Whether `name` is a strict or reserved keyword of some edition.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name) || NO_RAW_FORM.contains(&name)
}

/// Escapes a snake_case name so that it is a usable identifier in every edition.
fn escape(name: String) -> String {
    if NO_RAW_FORM.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name
    }
}

/// Only ASCII letters and digits make names: other characters act as word breaks.
fn ascii_words(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect()
}

/// The Rust field name of a table row: snake_case, keywords escaped.
pub fn field_ident(table_name: &str) -> String {
    escape(ascii_words(table_name).to_snake_case())
}

/// The JSON key of a row that gives none: the lowerCamelCase of its name.
pub fn default_json_key(table_name: &str) -> String {
    table_name.to_lower_camel_case()
}

/// The name of the enum made from a property's `enum`: `<Model><Property>`.
pub fn property_enum_name(model: &str, table_name: &str) -> String {
    format!("{model}{}", ascii_words(table_name).to_upper_camel_case())
}

/// The builder type of a model.
pub fn builder_name(model: &str) -> String {
    format!("{model}Builder")
}

/// The variant name of an enum value, or `None` when the value has no letters or digits.
///
/// Variants that would read as the unknown-value variant, or as `Self`, get a `Value` suffix.
pub fn variant_ident(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("Empty".into());
    }
    let camel = ascii_words(value).to_upper_camel_case();
    if camel.is_empty() {
        return None;
    }
    let camel = if camel.starts_with(|c: char| c.is_ascii_digit()) { format!("V{camel}") } else { camel };
    Some(if camel == UNKNOWN_VARIANT || camel == "Self" { format!("{camel}Value") } else { camel })
}

/// The module (and file stem) of a type: its snake_case name, keywords escaped.
///
/// Returns the identifier as written in `mod` and the file name without `.rs`.
pub fn module_name(type_name: &str) -> (String, String) {
    let ident = escape(type_name.to_snake_case());
    let file = ident.trim_start_matches("r#").to_owned();
    (ident, file)
}

/// A valid type name: ASCII, starting with an uppercase letter, letters and digits only, so
/// that it is UpperCamelCase enough for rustc and a safe file name on every platform.
pub fn is_type_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && name != "Self"
}

/// A valid identifier for `rust:` and `enum_name:`: ASCII, not starting with a digit.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
}

/// A field name rustc's `non_snake_case` lint accepts: lowercase ASCII words joined by single
/// underscores, with any number of underscores before and after.
pub fn is_snake_case(name: &str) -> bool {
    let inner = name.trim_matches('_');
    name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') && !inner.contains("__")
}

/// A variant name for `rust:` on an enum value: a valid type name, so UpperCamelCase enough
/// for rustc's `non_camel_case_types` (clippy leaves names in capitals alone on public enums).
pub fn is_variant_name(name: &str) -> bool {
    is_type_name(name)
}

/// A `rust:` field name as written by the user, escaped like a table name would be.
pub fn user_field_ident(name: &str) -> String {
    escape(name.to_owned())
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case_and_escaped() {
        assert_eq!(field_ident("user_name"), "user_name");
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("Self"), "self_");
        assert_eq!(field_ident("gen"), "r#gen");
        assert_eq!(field_ident("$ref"), "r#ref");
        assert_eq!(field_ident("issuerURI"), "issuer_uri");
        assert_eq!(field_ident("auth-token"), "auth_token");
        assert_eq!(field_ident("A1"), "a1");
        assert_eq!(field_ident("1st"), "_1st");
    }

    #[test]
    fn variants_are_upper_camel_case() {
        let cases = [
            ("ar-AE", "ArAe"),
            ("dnc.com", "DncCom"),
            ("1", "V1"),
            ("image/png", "ImagePng"),
            ("Self", "SelfValue"),
            ("unknown", "UnknownValue"),
            ("None", "None"),
            ("", "Empty"),
            ("__EMPTY__", "Empty"),
            ("work2", "Work2"),
        ];
        for (value, variant) in cases {
            assert_eq!(variant_ident(value).as_deref(), Some(variant), "{value:?}");
        }
        assert_eq!(variant_ident("+"), None);
    }

    #[test]
    fn user_names_follow_the_lints() {
        for ok in ["user_name", "_private", "trailing_", "a1", "self"] {
            assert!(is_snake_case(ok), "{ok}");
        }
        for bad in ["userName", "a__b", "A", "user-name"] {
            assert!(!is_snake_case(bad), "{bad}");
        }
        for ok in ["PlusOne", "V1", "X", "Ok", "HTTP"] {
            assert!(is_variant_name(ok), "{ok}");
        }
        for bad in ["lower", "Snake_Case", "Self", "1up"] {
            assert!(!is_variant_name(bad), "{bad}");
        }
    }

    #[test]
    fn modules_avoid_keywords() {
        assert_eq!(module_name("ScimV2User"), ("scim_v2_user".into(), "scim_v2_user".into()));
        assert_eq!(module_name("Type"), ("r#type".into(), "type".into()));
        assert_eq!(module_name("Crate"), ("crate_".into(), "crate_".into()));
    }

    #[test]
    fn json_keys_default_to_lower_camel_case() {
        assert_eq!(default_json_key("user_name"), "userName");
        assert_eq!(default_json_key("self_uri"), "selfUri");
        assert_eq!(default_json_key("id"), "id");
    }
}
