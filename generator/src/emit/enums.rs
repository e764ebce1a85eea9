//! An enum of strings: one variant per value and one that keeps any other value.

use super::docs;
use super::types::{index, Std};
use crate::ir::{EnumIr, TypeIr};
use crate::naming::UNKNOWN_VARIANT;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The enum, its methods and its trait impls.
pub fn enumeration(t: &TypeIr, e: &EnumIr, p: Std) -> TokenStream {
    let (option, some, none, string) = (p.option(), p.some(), p.none(), p.string());
    let (result, ok) = (p.result(), p.ok());
    let name = format_ident!("{}", t.name);
    let doc = docs::attrs(&enum_doc(t, e));
    let unknown = format_ident!("{}", UNKNOWN_VARIANT);
    let variants = e.variants.iter().map(|v| {
        let ident = format_ident!("{}", v.ident);
        let doc = format!(" The value {}.", docs::code(&v.value));
        quote!(#[doc = #doc] #ident,)
    });
    let idents: Vec<_> = e.variants.iter().map(|v| format_ident!("{}", v.ident)).collect();
    let values: Vec<&str> = e.variants.iter().map(|v| v.value.as_str()).collect();
    let count = index(values.len());
    let name_str = &t.name;
    let lenient = e.case_insensitive.then(|| {
        quote! {
            .or_else(|| {
                const VALUES: [&str; #count] = [#(#values),*];
                rt::position_ignore_case(value, &VALUES)
                    .and_then(|i| Self::known(VALUES[i]))
            })
        }
    });
    let allow = variant_name_allow(t, e);
    let acronym = super::acronym_allow(&t.name);
    quote! {
        #doc
        #allow
        #acronym
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this crate does not list, kept as it was sent.
            #unknown(#string),
        }

        impl #name {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#idents => #values, )*
                    Self::#unknown(value) => value,
                }
            }

            fn known(value: &str) -> #option<Self> {
                match value {
                    #( #values => #some(Self::#idents), )*
                    _ => #none,
                }
                #lenient
            }
        }

        impl rt::WireEnum for #name {
            const NAME: &'static str = #name_str;

            fn from_wire(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::#unknown(value.to_owned()))
            }

            fn from_wire_owned(value: #string) -> Self {
                Self::known(&value).unwrap_or(Self::#unknown(value))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> #result<Self, <Self as ::std::str::FromStr>::Err> {
                #ok(rt::WireEnum::from_wire(value))
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                rt::deserialize_enum(deserializer)
            }
        }
    }
}

fn enum_doc(t: &TypeIr, e: &EnumIr) -> Vec<String> {
    let mut lines = docs::description(t.description.as_deref());
    if !lines.is_empty() {
        lines.push(String::new());
    }
    let source = crate::diag::display_path(&t.source);
    match &e.from_property {
        Some((model, row)) => lines.push(format!(
            "The allowed values of [`{model}`](crate::{model})'s {} row, from `{source}`.",
            docs::code(row)
        )),
        None => lines.push(format!("Generated from `{source}`.")),
    }
    let matching = if e.case_insensitive { "ignoring ASCII case" } else { "exactly" };
    lines.push(String::new());
    lines.extend(docs::wrap(&[format!(
        "Values are read {matching} and written as listed; any other value reads as \
         [`{}::{UNKNOWN_VARIANT}`] and is written back unchanged.",
        t.name
    )]));
    lines
}

/// clippy's `enum_variant_names` fires when a variant starts or ends with the enum's name;
/// the names come from the wire, so the lint is allowed on exactly those enums.
fn variant_name_allow(t: &TypeIr, e: &EnumIr) -> Option<TokenStream> {
    let hit = e.variants.iter().any(|v| {
        v.ident.len() > t.name.len() && (v.ident.starts_with(&t.name) || v.ident.ends_with(&t.name))
    });
    hit.then(|| quote!(#[allow(clippy::enum_variant_names)]))
}
