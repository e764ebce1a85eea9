//! A model's builder: one setter per field, and `build` that names every missing field.

use super::types::{ident, Std};
use crate::ir::{StructIr, TypeIr};
use crate::naming::ADDITIONAL_FIELD;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `Model::builder()`, the builder type and its methods.
pub fn builder(t: &TypeIr, s: &StructIr, p: Std) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let builder = format_ident!("{}", s.builder);
    let (option, some, into) = (p.option(), p.some(), p.into());
    let struct_doc = format!(" Builds a [`{0}`](crate::{0}); start with [`{0}::builder`].", t.name);
    let fields = s.fields.iter().map(|f| {
        let ident = ident(&f.ident);
        let ty = p.stored(f);
        quote!(#ident: #option<#ty>,)
    });
    let setters = s.fields.iter().map(|f| {
        let ident = ident(&f.ident);
        let inner = if f.boxed { p.stored(f) } else { p.tokens(&f.ty) };
        let doc = format!(" Sets [`{}::{}`].", t.name, f.ident.trim_start_matches("r#"));
        quote! {
            #[doc = #doc]
            pub fn #ident(mut self, value: impl #into<#inner>) -> Self {
                self.#ident = #some(value.into());
                self
            }
        }
    });
    let (additional_field, additional_setter, additional_init) = if s.additional_properties {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        let doc = format!(" Adds a JSON member that [`{0}`](crate::{0}) does not name.", t.name);
        let (map, string) = (p.unknown_map(), p.string());
        (
            quote!(#ident: #map,),
            quote! {
                #[doc = #doc]
                pub fn additional_property(
                    mut self,
                    key: impl #into<#string>,
                    value: impl #into<::serde_json::Value>,
                ) -> Self {
                    self.#ident.insert(key.into(), value.into());
                    self
                }
            },
            quote!(#ident: self.#ident,),
        )
    } else {
        (quote!(), quote!(), quote!())
    };
    let build = build_method(t, s, p, additional_init);
    quote! {
        impl #name {
            /// Starts a builder with every field unset.
            pub fn builder() -> #builder {
                <#builder as ::std::default::Default>::default()
            }
        }

        #[doc = #struct_doc]
        #[derive(Clone, Default)]
        #[must_use]
        pub struct #builder {
            #(#fields)*
            #additional_field
        }

        impl #builder {
            #(#setters)*
            #additional_setter
            #build
        }
    }
}

fn build_method(t: &TypeIr, s: &StructIr, p: Std, additional_init: TokenStream) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let required: Vec<_> = s.fields.iter().filter(|f| f.required).collect();
    let inits = s.fields.iter().map(|f| {
        let ident = ident(&f.ident);
        if f.required {
            quote!(#ident,)
        } else {
            quote!(#ident: self.#ident,)
        }
    });
    if required.is_empty() {
        let doc = format!(" Builds the [`{0}`](crate::{0}); every field is optional, so this cannot fail.", t.name);
        return quote! {
            #[doc = #doc]
            pub fn build(self) -> #name {
                #name { #(#inits)* #additional_init }
            }
        };
    }
    let doc = format!(" Builds the [`{0}`](crate::{0}), or names every required field still unset.", t.name);
    let idents: Vec<_> = required.iter().map(|f| ident(&f.ident)).collect();
    let names = required.iter().map(|f| f.ident.trim_start_matches("r#"));
    let keys = required.iter().map(|f| f.json.as_str());
    let (result, some, ok, err) = (p.result(), p.some(), p.ok(), p.err());
    let type_name = &t.name;
    quote! {
        #[doc = #doc]
        pub fn build(self) -> #result<#name, rt::BuildError> {
            match (#(self.#idents,)*) {
                (#(#some(#idents),)*) => #ok(#name {
                    #(#inits)*
                    #additional_init
                }),
                (#(#idents,)*) => #err(rt::BuildError::new(
                    #type_name,
                    &[#( (#names, #keys, #idents.is_none()), )*],
                )),
            }
        }
    }
}
