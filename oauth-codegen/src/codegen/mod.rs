//! Code generation: a resolved [`ProviderDef`] in, the provider's typed Rust API out.
//!
//! What a spec becomes (all items at the invocation site; users wrap them in a module):
//! - `PROVIDER`: the definition as a `static`, which the runtime interprets;
//! - one enum per choice variable (`DataCenter`), one newtype per free variable
//!   (`MunchkinId`), each a constructor argument when it has no default, so a missing one is
//!   a type error that names it (`client.rs`);
//! - the client type (`ZohoProjects`) with a builder, one method per *declared* grant, and
//!   the token-source and API-client constructors the grants allow. A grant the spec lacks
//!   gets a hidden method whose bound can never hold, so calling it is one compile error that
//!   lists the grants the provider has (`grants.rs`);
//! - `scopes`: one typed constant per catalogue scope (`scopes::drive::readonly`), a field
//!   tree reached as `Google::SCOPES.drive.readonly` (what `scope!(Google.drive.readonly)`
//!   expands to), and a compile-time lookup of the provider's exact strings
//!   (`scope!(Google, "https://www.googleapis.com/auth/drive.readonly")`) (`scopes.rs`);
//! - `ErrorCode`: one variant per error code of the spec (`errors.rs`).
//!
//! Generated code talks to the runtime through its hidden `engine` module with resolved
//! items only: a variable by its index, a scope with its parameter's index, an extra
//! parameter by its index, a custom grant by its index. Nothing is looked up by name at run
//! time, and the untyped engine client is never handed to users.
//!
//! Every item carries rustdoc built from the spec, with the vendor page behind each fact
//! (`docs.rs`). Output is deterministic (the model's lists are ordered), so a snapshot diff is
//! a real change. This module never reads files or validates: it trusts the model
//! [`crate::validate`] produced.

mod client;
mod docs;
mod emit;
mod errors;
mod grants;
mod scopes;

use std::path::PathBuf;

use heck::ToUpperCamelCase;
use oauth_model::ProviderDef;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use emit::Emit;

/// How to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Path of the facade crate that generated code names its dependencies through
    /// (`::oauth_providers`); it must have a `__private` module re-exporting the runtime.
    pub krate: TokenStream,
    /// Spec files to track: each becomes `include_bytes!` so cargo rebuilds when it changes.
    pub tracked_files: Vec<PathBuf>,
    /// Turns generated Rust source into tokens. Large, regular parts of the output (the scope
    /// tree) are written as text and lexed once, which is much cheaper than building each
    /// token. The default is `proc_macro2`'s parser; `oauth-macros` passes the compiler's
    /// own lexer, which skips `proc_macro2`'s second, unoptimised validation pass over text
    /// that is valid by construction.
    pub lex: fn(&str) -> Result<TokenStream, String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            krate: quote!(::oauth_providers),
            tracked_files: Vec::new(),
            lex: |src| src.parse::<TokenStream>().map_err(|e| e.to_string()),
        }
    }
}

/// The paths generated code names the runtime by, all through the facade crate so that users
/// depend on one crate only.
pub(crate) struct Paths {
    /// The facade (`::oauth_providers`).
    pub(crate) krate: TokenStream,
    /// The runtime (`#krate::__private::rt`): its public types.
    pub(crate) rt: TokenStream,
    /// The runtime's hidden engine, which only generated code calls.
    pub(crate) engine: TokenStream,
    /// The model crate.
    pub(crate) model: TokenStream,
}

impl Paths {
    fn new(krate: &TokenStream) -> Paths {
        Paths {
            krate: krate.clone(),
            rt: quote!(#krate::__private::rt),
            engine: quote!(#krate::__private::rt::__private::engine),
            model: quote!(#krate::__private::model),
        }
    }
}

/// Keywords of every edition, strict and reserved: a name equal to one becomes a raw identifier.
/// (`self`, `Self`, `super` and `crate` cannot be raw and get a trailing `_` instead.)
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// A Rust identifier for `name`, raw when it is a keyword.
///
/// A table lookup rather than `syn::parse_str`: this runs once per scope, and inside the
/// compiler every parse is a round trip through the proc-macro bridge.
pub(crate) fn ident(name: &str) -> syn::Ident {
    // ASCII only: `Ident::new` panics on a character that cannot be in an identifier, and a
    // proc macro must never panic.
    let mut cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.is_empty() || cleaned.starts_with(|c: char| c.is_ascii_digit()) {
        cleaned.insert(0, '_');
    }
    match cleaned.as_str() {
        "self" | "Self" | "super" | "crate" | "_" => format_ident!("{}_", cleaned),
        kw if KEYWORDS.contains(&kw) => syn::Ident::new_raw(kw, Span::call_site()),
        _ => syn::Ident::new(&cleaned, Span::call_site()),
    }
}

/// An UpperCamelCase type or variant name for `name` (`601` becomes `E601`).
pub(crate) fn type_ident(name: &str) -> syn::Ident {
    let camel = name.to_upper_camel_case();
    if camel.is_empty() || camel.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format_ident!("E{}", camel)
    } else {
        ident(&camel)
    }
}

/// Generates the provider's API.
pub fn generate(def: &ProviderDef, opts: &Options) -> TokenStream {
    let p = Paths::new(&opts.krate);
    let m = &p.model;
    let tracked = opts.tracked_files.iter().map(|f| {
        let f = f.display().to_string();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#f);
        )
    });
    let def_expr = def.emit(m);
    let provider_doc = format!(
        "The resolved definition of {}, as the runtime reads it.",
        def.display_name
    );
    let variables = client::variables(def, &p);
    let (grant_methods, grant_items) = grants::generate(def, &p);
    let client = client::client(def, &p, grant_methods);
    let scopes = scopes::generate(def, &p, opts.lex);
    let errors = errors::generate(def, &p);
    quote! {
        #(#tracked)*

        #[doc = #provider_doc]
        pub static PROVIDER: #m::ProviderDef = #def_expr;

        #variables

        #client

        #grant_items

        #scopes

        #errors
    }
}

#[cfg(test)]
mod tests {
    use super::ident;

    #[test]
    fn ident_makes_every_name_a_valid_identifier() {
        let cases = [
            ("READ", "READ"),
            ("portals", "portals"),
            ("type", "r#type"),
            ("async", "r#async"),
            ("gen", "r#gen"),
            ("self", "self_"),
            ("Self", "Self_"),
            ("crate", "crate_"),
            ("_", "__"),
            ("", "__"),
            ("2fa", "_2fa"),
            ("repo:status", "repo_status"),
            ("données", "donn_es"),
        ];
        for (name, want) in cases {
            assert_eq!(ident(name).to_string(), want, "ident({name:?})");
        }
    }
}
