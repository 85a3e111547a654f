//! `ErrorCode`: the errors a provider documents, one variant per distinct code of the spec's
//! error rules, so that `match ErrorCode::of(&error)` is exhaustive over what the provider
//! says it sends (and `#[non_exhaustive]`, since providers add codes). Rules sharing a code
//! at different sites share a variant; the runtime reports which rule matched by its index,
//! and `ErrorCode::of` maps that index back.

use std::collections::BTreeSet;

use oauth_model::{ErrorMeaning, ProviderDef};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::{docs, type_ident, Paths};

/// `ErrorCode`: one variant per distinct code of the spec's error rules.
pub(super) fn generate(def: &ProviderDef, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    // One variant per distinct code; rules sharing a code (at different sites) share it.
    let mut seen = BTreeSet::new();
    let mut variants = Vec::new();
    for rule in def.errors.iter() {
        let code = rule.code.to_string();
        if !seen.insert(code.clone()) {
            continue;
        }
        let mut id = type_ident(&code);
        let mut n: usize = 2;
        while variants
            .iter()
            .any(|(v, _, _, _): &(syn::Ident, _, _, _)| *v == id)
        {
            id = format_ident!("{}{}", type_ident(&code), n);
            n += 1;
        }
        let doc = format!(
            "`{code}` ({}, at {}): {}{}",
            rule.meaning,
            rule.at,
            rule.description
                .as_deref()
                .unwrap_or("no description in the spec"),
            docs::source(def, &format!("errors.{code}@{}", rule.at))
        );
        variants.push((id, code, rule.meaning, doc));
    }
    let ids: Vec<_> = variants.iter().map(|v| v.0.clone()).collect();
    let codes: Vec<_> = variants.iter().map(|v| v.1.clone()).collect();
    let docs = variants.iter().map(|v| v.3.clone());
    let meanings = variants.iter().map(|v| meaning_tokens(v.2, rt));
    let rule_variants = def.errors.iter().map(|r| {
        let i = variants
            .iter()
            .find(|v| v.1 == *r.code)
            .map(|v| v.0.clone());
        quote!(#i)
    });
    let n = def.errors.len();
    let doc = format!(
        "The errors {} documents, one variant per error code of the spec.",
        def.display_name
    );
    if ids.is_empty() {
        return quote! {
            #[doc = #doc]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum ErrorCode {}
            impl ErrorCode {
                /// The variant for a runtime error, if a spec rule classified it.
                pub fn of(_error: &#rt::Error) -> ::std::option::Option<Self> { ::std::option::Option::None }
            }
        };
    }
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #( #[doc = #docs] #ids, )*
        }

        impl ErrorCode {
            const BY_RULE: [ErrorCode; #n] = [#(ErrorCode::#rule_variants),*];

            /// The variant for a runtime error, if a spec rule classified it.
            pub fn of(error: &#rt::Error) -> ::std::option::Option<Self> {
                let rule = error.provider()?.rule?;
                Self::BY_RULE.get(rule).copied()
            }

            /// The provider's code as written in the spec.
            pub const fn code(self) -> &'static str {
                match self { #(ErrorCode::#ids => #codes,)* }
            }

            /// What the error means.
            pub const fn meaning(self) -> #rt::ErrorMeaning {
                match self { #(ErrorCode::#ids => #meanings,)* }
            }
        }
    }
}

/// `#rt::ErrorMeaning::<variant>`.
fn meaning_tokens(m: ErrorMeaning, rt: &TokenStream) -> TokenStream {
    let v = syn::Ident::new(&format!("{m:?}"), Span::call_site());
    quote!(#rt::ErrorMeaning::#v)
}
