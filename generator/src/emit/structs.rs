//! A model's struct, its `Debug` where fields are sensitive, and its serde impls.

use super::docs;
use super::types::{ident, index, Std};
use crate::ir::{FieldIr, RustType, StructIr, TypeIr};
use crate::naming::ADDITIONAL_FIELD;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The struct with its derives and docs.
pub fn definition(t: &TypeIr, s: &StructIr, p: Std) -> TokenStream {
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
    let fields = s.fields.iter().map(|f| field(f, p));
    let additional = s.additional_properties.then(|| {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        let map = p.unknown_map();
        quote! {
            /// JSON members this model does not name, in the order they came, written back as
            /// they were.
            pub #ident: #map,
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

fn field(f: &FieldIr, p: Std) -> TokenStream {
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
    let ident = ident(&f.ident);
    let ty = p.declared(f);
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
        let ident = ident(&f.ident);
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

/// The model's keys and how they are matched, shared by `Serialize` (to skip unknown members
/// that repeat a field) and the reader.
pub fn members(s: &StructIr, p: Std) -> TokenStream {
    let keys = s.fields.iter().map(|f| f.json.as_str());
    let (option, some, none) = (p.option(), p.some(), p.none());
    let ci = s.case_insensitive;
    let keep = s.additional_properties;
    let body = if s.fields.is_empty() {
        quote!(#none)
    } else {
        let keys = s.fields.iter().map(|f| f.json.as_str());
        let indexes = (0..s.fields.len()).map(index);
        quote! {
            match key {
                #( #keys => #some(#indexes), )*
                _ => #none,
            }
        }
    };
    let key = if s.fields.is_empty() { quote!(_) } else { quote!(key) };
    quote! {
        const MEMBERS: rt::KeySeed = rt::KeySeed::new(&[#(#keys),*], field_index, #ci, #keep);

        fn field_index(#key: &str) -> #option<usize> {
            #body
        }
    }
}

/// `Serialize`: absent optional fields are left out, unknown members follow the fields.
pub fn serialize(t: &TypeIr, s: &StructIr, p: Std) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let (result, some) = (p.result(), p.some());
    let entries = s.fields.iter().map(|f| {
        let ident = ident(&f.ident);
        let key = &f.json;
        if f.required {
            quote!(map.serialize_entry(#key, &self.#ident)?;)
        } else {
            quote! {
                if let #some(value) = &self.#ident {
                    map.serialize_entry(#key, value)?;
                }
            }
        }
    });
    let additional = s.additional_properties.then(|| {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        quote!(rt::serialize_unknown(&mut map, &self.#ident, MEMBERS)?;)
    });
    let binding = if s.fields.is_empty() && !s.additional_properties {
        quote!(let map)
    } else {
        quote!(let mut map)
    };
    let none = p.none();
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                #binding = serializer.serialize_map(#none)?;
                #(#entries)*
                #additional
                map.end()
            }
        }
    }
}

/// `Deserialize`: the shared reader fills the model's builder, field by field.
pub fn deserialize(t: &TypeIr, s: &StructIr, p: Std) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let builder = format_ident!("{}", s.builder);
    let (result, some) = (p.result(), p.some());
    let arms = s.fields.iter().enumerate().map(|(i, f)| {
        let ident = ident(&f.ident);
        let i = index(i);
        let read = read_value(f, p);
        quote!(#i => self.#ident = #read,)
    });
    let unknown = s.additional_properties.then(|| {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        let option = p.option();
        quote! {
            fn unknown(&mut self) -> #option<&mut rt::Unknown> {
                #some(&mut self.#ident)
            }
        }
    });
    let finish = if s.fields.iter().any(|f| f.required) {
        quote!(self.build().map_err(rt::missing_field))
    } else {
        let ok = p.ok();
        quote!(#ok(self.build()))
    };
    let (index_param, body) = if s.fields.is_empty() {
        (quote!(_), quote!(rt::skip_value(map)))
    } else {
        let ok = p.ok();
        (quote!(index), quote! {
            match index {
                #(#arms)*
                _ => return rt::skip_value(map),
            }
            #ok(())
        })
    };
    let label = &t.name;
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                rt::deserialize_model::<#builder, D>(deserializer)
            }
        }

        impl rt::ReadModel for #builder {
            type Model = #name;

            const NAME: &'static str = #label;

            const MEMBERS: rt::KeySeed = MEMBERS;

            fn read<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                #index_param: usize,
                map: &mut A,
            ) -> #result<(), A::Error> {
                #body
            }

            #unknown

            fn finish<E: ::serde::de::Error>(self) -> #result<#name, E> {
                #finish
            }
        }
    }
}

/// How a field's value is read into its builder slot: optional fields read `null` as absent,
/// `Object` fields keep `null` as a value, required fields refuse it; dates go through the
/// support module's readers so that a bad date says what was expected.
fn read_value(f: &FieldIr, p: Std) -> TokenStream {
    let some = p.some();
    let date = match (&f.ty, f.boxed) {
        (RustType::DateTime, false) => Some(quote!(rt::DateTime)),
        (RustType::Date, false) => Some(quote!(rt::Date)),
        (RustType::LocalDateTime, false) => Some(quote!(rt::LocalDateTime)),
        _ => None,
    };
    match date {
        Some(reader) if f.required => quote!(#some(map.next_value::<#reader>()?.0)),
        Some(reader) => {
            let option = p.option();
            quote!(map.next_value::<#option<#reader>>()?.map(|d| d.0))
        }
        None if f.required || f.ty == RustType::Value => quote!(#some(map.next_value()?)),
        None => quote!(map.next_value()?),
    }
}
