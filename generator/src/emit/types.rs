//! Type paths. Generated modules name std's prelude items plainly, except in the module of a
//! type that takes one of their names (a model called `Option` or `Box`), where every path is
//! absolute; generated types are always `crate::` paths, so no name can shadow another.

use crate::ir::{FieldIr, RustType};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The prelude names generated code uses; a type with one of them gets absolute paths.
const PRELUDE: &[&str] = &["Option", "Some", "None", "Result", "Ok", "Err", "String", "Vec", "Box", "Into"];

/// How one module spells std's items.
#[derive(Clone, Copy, Debug)]
pub struct Std {
    absolute: bool,
}

macro_rules! paths {
    ($($method:ident => $short:ident, $long:path;)*) => {
        impl Std {
            $(
                pub fn $method(self) -> TokenStream {
                    if self.absolute { quote!(::$long) } else { quote!($short) }
                }
            )*
        }
    };
}

paths! {
    option => Option, std::option::Option;
    some => Some, std::option::Option::Some;
    none => None, std::option::Option::None;
    result => Result, std::result::Result;
    ok => Ok, std::result::Result::Ok;
    err => Err, std::result::Result::Err;
    string => String, std::string::String;
    vec => Vec, std::vec::Vec;
    boxed => Box, std::boxed::Box;
    into => Into, std::convert::Into;
}

impl Std {
    /// The spelling for the module of the type `name`.
    pub fn for_type(name: &str) -> Self {
        Std { absolute: PRELUDE.contains(&name) }
    }

    /// The tokens of a field type, without the `Option` of an optional field.
    pub fn tokens(self, ty: &RustType) -> TokenStream {
        match ty {
            RustType::String => self.string(),
            RustType::I64 => quote!(i64),
            RustType::F64 => quote!(f64),
            RustType::Bool => quote!(bool),
            RustType::Date => quote!(::chrono::NaiveDate),
            RustType::DateTime => quote!(::chrono::DateTime<::chrono::FixedOffset>),
            RustType::LocalDateTime => quote!(::chrono::NaiveDateTime),
            RustType::Value => quote!(::serde_json::Value),
            RustType::Vec(inner) => {
                let (vec, inner) = (self.vec(), self.tokens(inner));
                quote!(#vec<#inner>)
            }
            RustType::Map(inner) => {
                let (string, inner) = (self.string(), self.tokens(inner));
                quote!(::std::collections::BTreeMap<#string, #inner>)
            }
            RustType::Named(name) => {
                let name = format_ident!("{}", name);
                quote!(crate::#name)
            }
        }
    }

    /// The stored type of a field: boxed where a cycle needs it.
    pub fn stored(self, field: &FieldIr) -> TokenStream {
        let inner = self.tokens(&field.ty);
        if field.boxed {
            let boxed = self.boxed();
            quote!(#boxed<#inner>)
        } else {
            inner
        }
    }

    /// The declared type of a field: its stored type, in `Option` unless required.
    pub fn declared(self, field: &FieldIr) -> TokenStream {
        let stored = self.stored(field);
        if field.required {
            stored
        } else {
            let option = self.option();
            quote!(#option<#stored>)
        }
    }

    /// The map that keeps unknown members.
    pub fn unknown_map(self) -> TokenStream {
        let string = self.string();
        quote!(::indexmap::IndexMap<#string, ::serde_json::Value>)
    }
}

/// A field identifier, raw where the name is a keyword.
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

/// An unsuffixed integer literal, as a person would write an index.
pub fn index(i: usize) -> proc_macro2::Literal {
    proc_macro2::Literal::usize_unsuffixed(i)
}
