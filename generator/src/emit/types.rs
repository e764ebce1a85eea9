//! Rust type paths, always absolute so that no generated type name can shadow them.

use crate::ir::{FieldIr, RustType};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The tokens of a field type, without the `Option` of an optional field.
pub fn tokens(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(::std::string::String),
        RustType::I64 => quote!(i64),
        RustType::F64 => quote!(f64),
        RustType::Bool => quote!(bool),
        RustType::Date => quote!(::chrono::NaiveDate),
        RustType::DateTime => quote!(::chrono::DateTime<::chrono::FixedOffset>),
        RustType::LocalDateTime => quote!(::chrono::NaiveDateTime),
        RustType::Value => quote!(::serde_json::Value),
        RustType::Vec(inner) => {
            let inner = tokens(inner);
            quote!(::std::vec::Vec<#inner>)
        }
        RustType::Map(inner) => {
            let inner = tokens(inner);
            quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
        }
        RustType::Named(name) => {
            let name = format_ident!("{}", name);
            quote!(crate::#name)
        }
    }
}

/// The stored type of a field: boxed where a cycle needs it.
pub fn stored(field: &FieldIr) -> TokenStream {
    let inner = tokens(&field.ty);
    if field.boxed {
        quote!(::std::boxed::Box<#inner>)
    } else {
        inner
    }
}

/// The declared type of a field: its stored type, in `Option` unless required.
pub fn declared(field: &FieldIr) -> TokenStream {
    let stored = stored(field);
    if field.required {
        stored
    } else {
        quote!(::std::option::Option<#stored>)
    }
}

/// A field identifier, raw where the name is a keyword.
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}
