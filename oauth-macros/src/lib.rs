//! Proc-macro glue for provider specs: only parsing the macro input and reporting errors.
//!
//! All the work happens in `oauth-codegen` (load, validate, generate), which is a plain
//! library. This crate must never panic: every failure becomes a `compile_error!` spanned on
//! the user's tokens, naming `file:line:column` when the problem is inside a YAML file.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

/// `provider!("specs/my_provider.yaml")`: generates a typed OAuth client from a provider spec.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. Cargo rebuilds when the
/// spec (or a file it `extends`) changes. Options: `crate = path` names the crate that
/// re-exports the runtime (default `::oauth_providers`).
///
/// Errors in the spec are compile errors at the path literal, each naming
/// `file:line:column`, what is wrong and what would be right.
#[proc_macro]
pub fn provider(input: TokenStream) -> TokenStream {
    let args = syn::parse_macro_input!(input as ProviderArgs);
    expand(&args).into()
}

struct ProviderArgs {
    path: LitStr,
    krate: Option<syn::Path>,
}

impl Parse for ProviderArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the spec's path as a string literal, relative to the crate root, \
                 e.g. `provider!(\"specs/my_provider.yaml\")`",
            )
        })?;
        let mut krate = None;
        while input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Token![crate] = input.parse()?;
            input.parse::<Token![=]>()?;
            if krate.is_some() {
                return Err(syn::Error::new_spanned(key, "`crate` is given twice"));
            }
            krate = Some(input.parse()?);
        }
        Ok(ProviderArgs { path, krate })
    }
}

fn expand(args: &ProviderArgs) -> TokenStream2 {
    let span = args.path.span();
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return error(
            span,
            "CARGO_MANIFEST_DIR is not set: invoke `provider!` from a cargo build",
        );
    };
    let path = manifest_dir.join(args.path.value());
    let shown = |p: &Path| -> PathBuf {
        p.strip_prefix(&manifest_dir)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let loaded = match oauth_codegen::load::load_file_in(&path, &manifest_dir) {
        Ok(l) => l,
        Err(diags) => return diagnostics(span, &diags, shown),
    };
    let def = match oauth_codegen::validate::validate(&loaded) {
        Ok(def) => def,
        Err(diags) => return diagnostics(span, &diags, shown),
    };
    let mut opts = oauth_codegen::codegen::Options {
        tracked_files: loaded
            .files
            .iter()
            .map(|f| f.canonicalize().unwrap_or_else(|_| f.clone()))
            .collect(),
        lex,
        ..Default::default()
    };
    if let Some(k) = &args.krate {
        opts.krate = quote!(#k);
    }
    oauth_codegen::codegen::generate(&def, &opts)
}

/// Lexes generated source with the compiler's own lexer (see `Options::lex`). The text is
/// valid by construction; a panic inside the lexer is still caught and reported, never
/// propagated.
fn lex(src: &str) -> Result<TokenStream2, String> {
    let src = src.to_owned();
    match std::panic::catch_unwind(move || src.parse::<TokenStream>()) {
        Ok(Ok(tokens)) => Ok(tokens.into()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the compiler's lexer panicked".to_owned()),
    }
}

fn error(span: Span, message: &str) -> TokenStream2 {
    syn::Error::new(span, message).to_compile_error()
}

/// One `compile_error!` per diagnostic, all on the spec path literal, plus the files to track
/// so that fixing the YAML triggers a rebuild.
fn diagnostics(
    span: Span,
    diags: &oauth_codegen::Diagnostics,
    shown: impl Fn(&Path) -> PathBuf,
) -> TokenStream2 {
    let mut out = TokenStream2::new();
    for d in &diags.0 {
        let mut d = d.clone();
        let tracked = d.file.canonicalize().ok();
        d.file = shown(&d.file);
        let message = d.to_string();
        out.extend(quote_spanned!(span=> ::core::compile_error!(#message);));
        if let Some(t) = tracked {
            let t = t.display().to_string();
            // Bytes, not a string: a spec that is not UTF-8 must give its one diagnostic,
            // not a second error from `include_str!` naming its absolute path.
            out.extend(quote!(
                const _: &[u8] = ::core::include_bytes!(#t);
            ));
        }
    }
    out
}

/// `scope!(Google.drive.readonly)` or `scope!(Google, "https://www.googleapis.com/auth/drive.readonly")`:
/// a provider's typed scope.
///
/// - **By path**: the client type (which must be in scope), then the scope's path below its
///   `scopes` module, separated by `.`, `:` or `/` (`-` may stand for `_`, so
///   `scope!(Spotify.user-read-email)` works). It expands to `Google::SCOPES.drive.readonly`,
///   so an unknown segment is a compile error at your token that lists the valid ones.
/// - **By the provider's string**, for scopes no Rust path can spell (URLs): the client type,
///   a comma, the exact string. `cargo check` looks it up in the catalogue and an unknown one
///   is a compile error with the closest scope.
#[proc_macro]
pub fn scope(input: TokenStream) -> TokenStream {
    let input = TokenStream2::from(input);
    match parse_scope(input) {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

const SCOPE_FORMS: &str =
    "`scope!(Google.drive.readonly)` or `scope!(Google, \"https://www.googleapis.com/auth/drive.readonly\")`";

fn parse_scope(input: TokenStream2) -> syn::Result<TokenStream2> {
    use proc_macro2::TokenTree;
    let has_comma = input
        .clone()
        .into_iter()
        .any(|t| matches!(&t, TokenTree::Punct(p) if p.as_char() == ','));
    if has_comma {
        return syn::parse2::<ExactScope>(input).map(|e| e.expand());
    }
    let mut tokens = input.into_iter().peekable();
    let first = match tokens.next() {
        Some(TokenTree::Ident(i)) => i,
        Some(TokenTree::Literal(lit)) => {
            return Err(syn::Error::new(
                lit.span(),
                format!("name the provider's client type first: {SCOPE_FORMS}"),
            ))
        }
        Some(other) => {
            return Err(syn::Error::new(
                other.span(),
                format!("expected the provider's client type first: {SCOPE_FORMS}"),
            ))
        }
        None => {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("expected a scope: {SCOPE_FORMS}"),
            ))
        }
    };
    let mut segments: Vec<proc_macro2::Ident> = Vec::new();
    while let Some(tt) = tokens.next() {
        match tt {
            TokenTree::Punct(p) if matches!(p.as_char(), '.' | ':' | '/') => {
                // `::` arrives as two `:` puncts; accept either.
                if p.as_char() == ':' {
                    if let Some(TokenTree::Punct(q)) = tokens.peek() {
                        if q.as_char() == ':' {
                            tokens.next();
                        }
                    }
                }
                match tokens.next() {
                    Some(TokenTree::Ident(i)) => segments.push(i),
                    Some(other) => {
                        return Err(syn::Error::new(
                            other.span(),
                            "expected a scope segment (an identifier) after the separator",
                        ))
                    }
                    None => {
                        return Err(syn::Error::new(
                            p.span(),
                            "a scope cannot end with a separator",
                        ))
                    }
                }
            }
            // `user-read-email`: the naming rule made it `user_read_email`.
            TokenTree::Punct(p) if p.as_char() == '-' && !segments.is_empty() => {
                match (tokens.next(), segments.pop()) {
                    (Some(TokenTree::Ident(next)), Some(prev)) => {
                        let joined = format!("{prev}_{next}");
                        segments.push(proc_macro2::Ident::new(&joined, prev.span()));
                    }
                    _ => {
                        return Err(syn::Error::new(
                            p.span(),
                            "expected a word after `-` in the scope segment",
                        ))
                    }
                }
            }
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    format!("expected `.`, `:` or `/` between scope segments, found `{other}`"),
                ))
            }
        }
    }
    if segments.is_empty() {
        return Err(syn::Error::new(
            first.span(),
            format!(
                "`{first}` alone is not a scope; name one: `scope!({first}.<path>)` or \
                 `scope!({first}, \"<the provider's string>\")`"
            ),
        ));
    }
    let span = first.span();
    let scopes = quote_spanned!(span=> SCOPES);
    Ok(quote! { #first::#scopes #(.#segments)* })
}

/// `Provider, "exact string"`.
struct ExactScope {
    provider: syn::Path,
    scope: LitStr,
}

impl Parse for ExactScope {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let provider: syn::Path = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected the provider's client type first: {SCOPE_FORMS}"),
            )
        })?;
        input.parse::<Token![,]>()?;
        let scope: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the scope as the provider writes it, a string literal",
            )
        })?;
        if !input.is_empty() {
            let _ = input.parse::<Token![,]>();
            if !input.is_empty() {
                return Err(input.error("`scope!` takes the client type and one scope"));
            }
        }
        Ok(ExactScope { provider, scope })
    }
}

impl ExactScope {
    /// A const generic argument: `cargo check` evaluates it, so an unknown scope fails there,
    /// at the string.
    fn expand(&self) -> TokenStream2 {
        let (provider, scope) = (&self.provider, &self.scope);
        let span = scope.span();
        let index = quote_spanned!(span=> #provider::__scope_index(#scope));
        quote_spanned!(span=> #provider::__scope::<{ #index }>())
    }
}
