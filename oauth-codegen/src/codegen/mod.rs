//! Code generation: a resolved [`ProviderDef`] in, the provider's typed Rust API out.
//!
//! What a spec becomes (all items at the invocation site; users wrap them in a module):
//! - `PROVIDER`: the definition as a `static`, which the runtime interprets;
//! - one enum per choice variable (`DataCenter`), a required constructor argument per
//!   variable without a default;
//! - the client type (`ZohoProjects`) with a builder and one method per *declared* grant: a
//!   grant the spec lacks has no method, so calling it is a compile error;
//! - `scopes`: one typed constant per catalogue scope (`scopes::portals::READ`) and a field tree
//!   reached as `ZohoProjects::SCOPES.portals.READ` (what `scope!` expands to), both of a
//!   `Scope` type private to this provider;
//! - `ErrorCode`: one variant per error rule of the spec.
//!
//! Every item carries rustdoc built from the spec. Output is deterministic (the model's lists
//! are ordered), so a snapshot diff is a real change. This module never reads files or
//! validates: it trusts the model [`crate::validate`] produced.


use std::collections::BTreeSet;
use std::path::PathBuf;

use heck::{ToSnakeCase, ToUpperCamelCase};
use oauth_model::{ErrorMeaning, ProviderDef, VariableKind};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};


/// How to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Path of the facade crate that generated code names its dependencies through
    /// (`::oauth_providers`); it must have a `__private` module re-exporting the runtime.
    pub krate: TokenStream,
    /// Spec files to track: each becomes `include_str!` so cargo rebuilds when it changes.
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
pub fn generate(_def: &ProviderDef, _opts: &Options) -> TokenStream {
    quote!(::core::compile_error!("spec v2 code generation is being rewritten");)
}
