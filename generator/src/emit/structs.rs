//! A model's struct, its `Debug` where fields are sensitive, and its serde impls.

use super::{docs, types};
use crate::ir::{FieldIr, RustType, StructIr, TypeIr};
use crate::naming::ADDITIONAL_FIELD;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The struct with its derives and docs.
pub fn definition(t: &TypeIr, s: &StructIr) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let mut lines = docs::description(t.description.as_deref());
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!("Generated from `{}`.", crate::diag::display_path(&t.source)));
    lines.push(format!("Build one with [`{}::builder`].", t.name));
    let doc = docs::attrs(&lines);

    let mut derives = vec![quote!(Clone), quote!(PartialEq)];
    if !s.fields.iter().any(|f| f.sensitive) {
        derives.insert(0, quote!(Debug));
    }
    if s.eq {
        derives.push(quote!(Eq));
    }
    if s.hash {
        derives.push(quote!(Hash));
    }
    if s.default() {
        derives.push(quote!(Default));
    }
    let acronym = super::acronym_allow(&t.name);
    let fields = s.fields.iter().map(field);
    let additional = s.additional_properties.then(|| {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        quote! {
            /// JSON members this model does not name, in the order they came, written back as
            /// they were.
            pub #ident: ::indexmap::IndexMap<::std::string::String, ::serde_json::Value>,
        }
    });
    quote! {
        #doc
        #acronym
        #[derive(#(#derives),*)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #additional
        }
    }
}

fn field(f: &FieldIr) -> TokenStream {
    let mut lines = docs::description(f.description.as_deref());
    if !lines.is_empty() {
        lines.push(String::new());
    }
    let plain = f.ident.trim_start_matches("r#");
    let mut origin = format!("JSON key {}", docs::code(&f.json));
    if f.table_name != plain {
        origin.push_str(&format!("; {} in the reference table", docs::code(&f.table_name)));
    }
    if f.sensitive {
        origin.push_str("; hidden from `Debug`");
    }
    lines.push(format!("{origin}."));
    let doc = docs::attrs(&lines);
    let mut aliases: Vec<&str> = vec![&f.table_name, &f.json];
    aliases.retain(|a| *a != plain && docs::alias_ok(a));
    aliases.dedup();
    let ident = types::ident(&f.ident);
    let ty = types::declared(f);
    quote! {
        #doc
        #( #[doc(alias = #aliases)] )*
        pub #ident: #ty,
    }
}

/// `Debug` that shows every field but the sensitive ones, which read `"<redacted>"`.
pub fn debug(t: &TypeIr, s: &StructIr) -> Option<TokenStream> {
    if !s.fields.iter().any(|f| f.sensitive) {
        return None;
    }
    let name = format_ident!("{}", t.name);
    let label = &t.name;
    let entries = s.fields.iter().map(|f| {
        let ident = types::ident(&f.ident);
        let shown = f.ident.trim_start_matches("r#");
        if f.sensitive {
            quote!(.field(#shown, &self.#ident.as_ref().map(|_| "<redacted>")))
        } else {
            quote!(.field(#shown, &self.#ident))
        }
    });
    let additional = s.additional_properties.then(|| {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        quote!(.field(#ADDITIONAL_FIELD, &self.#ident))
    });
    Some(quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label) #(#entries)* #additional .finish()
            }
        }
    })
}

/// The model's keys and how they are matched, as module items that `Serialize` (to skip
/// unknown members that repeat a field) and `Deserialize` share.
pub fn members(s: &StructIr) -> TokenStream {
    let keys = s.fields.iter().map(|f| f.json.as_str());
    let count = proc_macro2::Literal::usize_unsuffixed(s.fields.len());
    let ci = s.case_insensitive;
    let keep = s.additional_properties;
    let index = if s.fields.is_empty() {
        quote! {
            fn field_index(_: &str) -> ::std::option::Option<usize> {
                ::std::option::Option::None
            }
        }
    } else {
        let keys = s.fields.iter().map(|f| f.json.as_str());
        let index = (0..s.fields.len()).map(proc_macro2::Literal::usize_unsuffixed);
        quote! {
            fn field_index(key: &str) -> ::std::option::Option<usize> {
                match key {
                    #( #keys => ::std::option::Option::Some(#index), )*
                    _ => ::std::option::Option::None,
                }
            }
        }
    };
    quote! {
        const KEYS: [&str; #count] = [#(#keys),*];

        #index

        const MEMBERS: crate::support::__private::KeySeed =
            crate::support::__private::KeySeed::new(&KEYS, field_index, #ci, #keep);
    }
}

/// `Serialize`: absent optional fields are left out, unknown members follow the fields.
pub fn serialize(t: &TypeIr, s: &StructIr) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let entries = s.fields.iter().map(|f| {
        let ident = types::ident(&f.ident);
        let key = &f.json;
        if f.required {
            quote!(map.serialize_entry(#key, &self.#ident)?;)
        } else {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#ident {
                    map.serialize_entry(#key, value)?;
                }
            }
        }
    });
    let additional = s.additional_properties.then(|| {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        quote! {
            crate::support::__private::serialize_unknown(&mut map, &self.#ident, MEMBERS)?;
        }
    });
    let map_binding = if s.fields.is_empty() && !s.additional_properties {
        quote!(let map)
    } else {
        quote!(let mut map)
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                use ::serde::ser::SerializeMap as _;
                #map_binding = serializer.serialize_map(::std::option::Option::None)?;
                #(#entries)*
                #additional
                map.end()
            }
        }
    }
}

/// `Deserialize` through one visitor per model; the loop over keys is shared code.
pub fn deserialize(t: &TypeIr, s: &StructIr) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let expecting = format!("a {} object", t.name);
    let slots = s.fields.iter().enumerate().map(|(i, f)| {
        let slot = format_ident!("f{}", i);
        let ty = slot_type(f);
        quote!(let mut #slot: ::std::option::Option<#ty> = ::std::option::Option::None;)
    });
    let arms = s.fields.iter().enumerate().map(|(i, f)| {
        let slot = format_ident!("f{}", i);
        let key = &f.json;
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        quote!(Key::Field(#i) => private::field(&mut map, &mut #slot, #key)?,)
    });
    let inits = s.fields.iter().enumerate().map(|(i, f)| {
        let slot = format_ident!("f{}", i);
        let ident = types::ident(&f.ident);
        let key = &f.json;
        if f.required {
            quote!(#ident: private::required(#slot, #key)?,)
        } else if f.ty == RustType::Value {
            quote!(#ident: #slot,)
        } else {
            quote!(#ident: #slot.flatten(),)
        }
    });
    let count = s.fields.len();
    let keep = s.additional_properties;
    let (unknown_slot, unknown_arm, unknown_init) = if keep {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        (
            quote!(let mut unknown = ::indexmap::IndexMap::new();),
            quote!(Key::Unknown(key) => private::unknown(&mut map, &mut unknown, key)?,),
            quote!(#ident: unknown,),
        )
    } else {
        (quote!(), quote!(), quote!())
    };
    let import = if count == 0 && !keep {
        quote!(use crate::support::__private as private;)
    } else {
        quote!(use crate::support::__private::{self as private, Key};)
    };
    let read_keys = if count == 0 && !keep {
        quote! {
            while map.next_key_seed(MEMBERS)?.is_some() {
                private::skip(&mut map)?;
            }
        }
    } else {
        quote! {
            while let ::std::option::Option::Some(key) = map.next_key_seed(MEMBERS)? {
                match key {
                    #(#arms)*
                    #unknown_arm
                    _ => private::skip(&mut map)?,
                }
            }
        }
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                #import

                struct Visitor;

                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A>(self, mut map: A) -> ::std::result::Result<#name, A::Error>
                    where
                        A: ::serde::de::MapAccess<'de>,
                    {
                        #(#slots)*
                        #unknown_slot
                        #read_keys
                        ::std::result::Result::Ok(#name {
                            #(#inits)*
                            #unknown_init
                        })
                    }
                }

                deserializer.deserialize_map(Visitor)
            }
        }
    }
}

/// What a field's slot holds while reading: `Option<T>` for optional fields so that `null`
/// reads as absent, the plain value for `Object` (where `null` is a value) and required ones.
fn slot_type(f: &FieldIr) -> TokenStream {
    let stored = types::stored(f);
    if f.required || f.ty == RustType::Value {
        stored
    } else {
        quote!(::std::option::Option<#stored>)
    }
}
