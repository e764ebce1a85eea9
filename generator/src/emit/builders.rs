//! A model's builder: one setter per field, and `build` that names every missing field.

use super::types;
use crate::ir::{RustType, StructIr, TypeIr};
use crate::naming::ADDITIONAL_FIELD;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `Model::builder()`, the builder type and its methods.
pub fn builder(t: &TypeIr, s: &StructIr) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let builder = format_ident!("{}", s.builder);
    let struct_doc = format!(" Builds a [`{0}`](crate::{0}); start with [`{0}::builder`].", t.name);
    let fields = s.fields.iter().map(|f| {
        let ident = types::ident(&f.ident);
        let ty = types::stored(f);
        quote!(#ident: ::std::option::Option<#ty>,)
    });
    let setters = s.fields.iter().map(|f| {
        let ident = types::ident(&f.ident);
        let inner = if f.boxed { types::stored(f) } else { types::tokens(&f.ty) };
        let doc = format!(" Sets [`{}::{}`].", t.name, f.ident.trim_start_matches("r#"));
        let value = if f.boxed || f.ty == RustType::Value {
            quote!(value.into())
        } else {
            quote!(value.into())
        };
        quote! {
            #[doc = #doc]
            pub fn #ident(mut self, value: impl ::std::convert::Into<#inner>) -> Self {
                self.#ident = ::std::option::Option::Some(#value);
                self
            }
        }
    });
    let (additional_field, additional_setter, additional_init) = if s.additional_properties {
        let ident = format_ident!("{}", ADDITIONAL_FIELD);
        let doc = format!(" Adds a JSON member that [`{0}`](crate::{0}) does not name.", t.name);
        (
            quote!(#ident: ::indexmap::IndexMap<::std::string::String, ::serde_json::Value>,),
            quote! {
                #[doc = #doc]
                pub fn additional_property(
                    mut self,
                    key: impl ::std::convert::Into<::std::string::String>,
                    value: impl ::std::convert::Into<::serde_json::Value>,
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
    let build = build_method(t, s, additional_init);
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

fn build_method(t: &TypeIr, s: &StructIr, additional_init: TokenStream) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let required: Vec<_> = s.fields.iter().filter(|f| f.required).collect();
    let inits = s.fields.iter().map(|f| {
        let ident = types::ident(&f.ident);
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
    let doc = format!(
        " Builds the [`{0}`](crate::{0}), or names every required field still unset.",
        t.name
    );
    let idents: Vec<_> = required.iter().map(|f| types::ident(&f.ident)).collect();
    let names: Vec<&str> = required.iter().map(|f| f.ident.trim_start_matches("r#")).collect();
    let type_name = &t.name;
    quote! {
        #[doc = #doc]
        pub fn build(self) -> ::std::result::Result<#name, crate::BuildError> {
            match (#(self.#idents,)*) {
                (#(::std::option::Option::Some(#idents),)*) => ::std::result::Result::Ok(#name {
                    #(#inits)*
                    #additional_init
                }),
                (#(#idents,)*) => ::std::result::Result::Err(crate::BuildError::new(
                    #type_name,
                    &[#( (#names, #idents.is_none()), )*],
                )),
            }
        }
    }
}
