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

mod docs;
mod emit;
mod scopes;

use std::collections::BTreeSet;
use std::path::PathBuf;

use heck::{ToSnakeCase, ToUpperCamelCase};
use oauth_model::{ErrorMeaning, ProviderDef, VariableKind};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use emit::Emit;

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
pub fn generate(def: &ProviderDef, opts: &Options) -> TokenStream {
    let krate = &opts.krate;
    let rt = quote!(#krate::__private::rt);
    let m = quote!(#krate::__private::model);
    // Validation guarantees an UpperCamelCase identifier; it is kept as written (`ZohoCRM`),
    // so that `scope!(ZohoCRM.modules.ALL)` names the client type in the provider's own syntax.
    let name = ident(&def.name);
    let builder = format_ident!("{}Builder", name);

    let tracked = opts.tracked_files.iter().map(|p| {
        let p = p.display().to_string();
        quote!(
            const _: &str = ::core::include_str!(#p);
        )
    });

    let def_expr = def.emit(&m);
    let provider_doc = format!(
        "The resolved definition of {}, as the runtime reads it.",
        def.display_name
    );
    let client_doc = docs::client_doc(def);

    let vars = variables(def, &rt);
    let required = required_vars(def);
    let req_params = required.iter().map(|r| {
        let (n, t) = (&r.arg, &r.ty);
        quote!(#n: #t)
    });
    let req_params2 = req_params.clone();
    let req_args: Vec<_> = required.iter().map(|r| r.arg.clone()).collect();
    let req_sets = required.iter().map(|r| {
        let (n, key, conv) = (&r.arg, &r.key, &r.to_value);
        quote!(.var(#key, #conv(#n)))
    });
    let optional_setters = optional_var_setters(def);
    let (grant_methods, grant_items) = grants(def, &rt, &name);
    let scopes = scopes::generate(def, &name, opts.lex);
    let errors = error_codes(def, &rt);
    let deprecated = def.deprecated.as_ref().map(|d| {
        let mut note = d.note.trim().trim_end_matches('.').to_string();
        if !note.contains(d.since.as_ref() as &str) {
            note = format!("{note} (since {})", d.since);
        }
        if let Some(r) = &d.replacement {
            note = format!("{note}; replaced by {r}");
        }
        quote!(#[deprecated(note = #note)])
    });
    let required_doc = if required.is_empty() {
        String::new()
    } else {
        format!(
            "\n\nRequired: {}.",
            required
                .iter()
                .map(|r| format!("`{}`", r.key))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let new_doc = format!(
        "Creates a client with the default settings for every optional variable.{required_doc}"
    );
    let builder_doc = format!(
        "Starts configuring a {} client.{required_doc}",
        def.display_name
    );

    quote! {
        #(#tracked)*

        #[doc = #provider_doc]
        pub static PROVIDER: #m::ProviderDef = #def_expr;

        #vars

        #[doc = #client_doc]
        #deprecated
        #[derive(Clone, Debug)]
        pub struct #name {
            client: #rt::Client,
        }

        #[doc = concat!("Configures a [`", stringify!(#name), "`] client.")]
        #[derive(Debug)]
        #[must_use]
        pub struct #builder {
            inner: #rt::ClientBuilder,
        }

        #[allow(deprecated)]
        impl #builder {
            #optional_setters

            /// The redirect URI registered with the provider.
            pub fn redirect_uri(mut self, uri: #krate::__private::url::Url) -> Self {
                self.inner = self.inner.redirect_uri(uri);
                self
            }

            /// Sends every request to `origin` instead of the provider's hosts (the
            /// simulator, tests). Must be HTTPS unless it is a loopback address.
            pub fn origin_override(mut self, origin: #krate::__private::url::Url) -> Self {
                self.inner = self.inner.origin_override(origin);
                self
            }

            /// Builds the HTTP client from `http` (proxies, TLS roots, pool settings). It is
            /// built to follow no redirect, whatever `http` says: a followed redirect would
            /// replay token requests and carry tokens to another host.
            pub fn http_client(mut self, http: #krate::__private::reqwest::ClientBuilder) -> Self {
                self.inner = self.inner.http_client(http);
                self
            }

            /// The `User-Agent` of every request (`oauth-providers/<version>` unless set).
            pub fn user_agent(mut self, user_agent: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.inner = self.inner.user_agent(user_agent);
                self
            }

            /// Also sends access tokens to `origin`, an API host the spec does not declare
            /// (tokens go only over https, or http to a loopback address).
            pub fn allow_api_origin(mut self, origin: #krate::__private::url::Url) -> Self {
                self.inner = self.inner.allow_api_origin(origin);
                self
            }

            /// Time allowed for one request (30 s unless set).
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.inner = self.inner.timeout(timeout);
                self
            }

            /// Checks the spec's rate limits with `limiter` instead of one of the client's
            /// own: to share it between clients of one client id, to drive it with a test
            /// clock, or `RateLimiter::unlimited()` to leave the judging to the provider.
            pub fn rate_limiter(
                mut self,
                limiter: ::std::sync::Arc<#rt::RateLimiter>,
            ) -> Self {
                self.inner = self.inner.rate_limiter(limiter);
                self
            }

            /// Checks the configuration and builds the client.
            pub fn build(self) -> ::std::result::Result<#name, #rt::Error> {
                ::std::result::Result::Ok(#name { client: self.inner.build()? })
            }
        }

        #[allow(deprecated)]
        impl #name {
            #[doc = #new_doc]
            pub fn new(credentials: #rt::Credentials #(, #req_params)*) -> ::std::result::Result<Self, #rt::Error> {
                Self::builder(credentials #(, #req_args)*).build()
            }

            #[doc = #builder_doc]
            pub fn builder(credentials: #rt::Credentials #(, #req_params2)*) -> #builder {
                #builder { inner: #rt::Client::builder(&PROVIDER, credentials) #(#req_sets)* }
            }

            /// The untyped runtime client (every request this type makes goes through it).
            pub fn client(&self) -> &#rt::Client {
                &self.client
            }

            /// Attaches `token` to an API request the way the provider expects; refused before
            /// anything is sent when the request goes to an origin the spec does not declare
            /// (see the builder's `allow_api_origin`) or over plain http.
            pub fn authorize_request(
                &self,
                request: #krate::__private::reqwest::RequestBuilder,
                token: &#rt::TokenSet,
            ) -> ::std::result::Result<#krate::__private::reqwest::RequestBuilder, #rt::Error> {
                self.client.authorize_request(request, token)
            }

            /// Sends an authorized API request, detecting the provider's errors in the
            /// response (including those inside HTTP 200 bodies).
            pub async fn send_api(
                &self,
                request: #krate::__private::reqwest::RequestBuilder,
                token: &#rt::TokenSet,
            ) -> ::std::result::Result<#rt::ApiResponse, #rt::Error> {
                self.client.send_api(request, token).await
            }

            /// The URL of a named endpoint for this client's variables (`api` is the API base).
            pub fn endpoint_url(&self, name: &str) -> ::std::result::Result<#krate::__private::url::Url, #rt::Error> {
                self.client.endpoint_url(name)
            }

            #grant_methods
        }

        #grant_items

        #scopes

        #errors
    }
}

struct RequiredVar {
    key: String,
    arg: syn::Ident,
    ty: TokenStream,
    to_value: TokenStream,
}

fn required_vars(def: &ProviderDef) -> Vec<RequiredVar> {
    def.variables
        .iter()
        .filter_map(|v| {
            let key = v.name.to_string();
            let arg = ident(&key.to_snake_case());
            match &v.kind {
                VariableKind::Choice { default: None, .. } => {
                    let ty = type_ident(&key);
                    Some(RequiredVar {
                        key,
                        arg,
                        ty: quote!(#ty),
                        to_value: quote!(#ty::value),
                    })
                }
                VariableKind::Free { default: None, .. } => Some(RequiredVar {
                    key,
                    arg,
                    ty: quote!(&str),
                    to_value: quote!(__free_value),
                }),
                _ => None,
            }
        })
        .collect()
}

fn optional_var_setters(def: &ProviderDef) -> TokenStream {
    let setters = def.variables.iter().filter_map(|v| {
        let key = v.name.to_string();
        let method = ident(&key.to_snake_case());
        let doc = format!("Sets `{key}`: {}", v.description.trim());
        match &v.kind {
            VariableKind::Choice {
                default: Some(d),
                choices,
                ..
            } => {
                let ty = type_ident(&key);
                let default_key = choices
                    .get(*d)
                    .map(|c| c.key.to_string())
                    .unwrap_or_default();
                let doc = format!("{doc}\n\nDefault: `{default_key}`.");
                Some(quote! {
                    #[doc = #doc]
                    pub fn #method(mut self, value: #ty) -> Self {
                        self.inner = self.inner.var(#key, value.value());
                        self
                    }
                })
            }
            VariableKind::Free {
                default: Some(d), ..
            } => {
                let doc = format!("{doc}\n\nDefault: `{d}`.");
                Some(quote! {
                    #[doc = #doc]
                    pub fn #method(mut self, value: &str) -> Self {
                        self.inner = self.inner.var(#key, __free_value(value));
                        self
                    }
                })
            }
            _ => None,
        }
    });
    quote!(#(#setters)*)
}

fn variables(def: &ProviderDef, rt: &TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut any_free = false;
    for v in def.variables.iter() {
        match &v.kind {
            VariableKind::Choice {
                properties,
                choices,
                default,
            } => {
                let ty = type_ident(&v.name);
                let doc = format!(
                    "{}\n\nUsed in endpoint templates as `{{{}}}`.",
                    v.description.trim(),
                    v.name
                );
                let variants: Vec<syn::Ident> =
                    choices.iter().map(|c| type_ident(&c.key)).collect();
                let variant_docs = choices.iter().map(|c| {
                    let mut d = format!("`{}`", c.key);
                    if let Some(l) = &c.label {
                        d = format!("{l} (`{}`)", c.key);
                    }
                    for (p, val) in properties.iter().zip(c.values.iter()) {
                        d.push_str(&format!("\n- {p}: `{val}`"));
                    }
                    d
                });
                let keys = choices.iter().map(|c| c.key.to_string());
                let variants2 = variants.clone();
                let variants3 = variants.clone();
                let default_impl = default.and_then(|d| variants.get(d)).map(|dv| {
                    quote! {
                        impl ::std::default::Default for #ty {
                            fn default() -> Self { #ty::#dv }
                        }
                    }
                });
                out.extend(quote! {
                    #[doc = #doc]
                    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
                    pub enum #ty {
                        #( #[doc = #variant_docs] #variants, )*
                    }

                    impl #ty {
                        /// Every value.
                        pub const ALL: &'static [#ty] = &[#(#ty::#variants2),*];

                        /// The value as written in the spec.
                        pub const fn key(self) -> &'static str {
                            match self { #(#ty::#variants3 => #keys,)* }
                        }

                        /// The value written `key` in the spec, if there is one.
                        pub fn from_key(key: &str) -> ::std::option::Option<Self> {
                            Self::ALL.iter().copied().find(|v| v.key() == key)
                        }

                        fn value(self) -> #rt::VarValue {
                            #rt::VarValue::Choice(self as usize)
                        }
                    }
                    #default_impl
                });
            }
            VariableKind::Free { .. } => any_free = true,
        }
    }
    if any_free {
        out.extend(quote! {
            fn __free_value(value: &str) -> #rt::VarValue {
                #rt::VarValue::Free(::std::string::ToString::to_string(value))
            }
        });
    }
    out
}

/// The client's grant methods, and the items they need outside the `impl` block (request
/// builders, parameter enums).
fn grants(def: &ProviderDef, rt: &TokenStream, name: &syn::Ident) -> (TokenStream, TokenStream) {
    let mut out = TokenStream::new();
    let mut outside = TokenStream::new();
    let g = &def.grants;
    let result = |t: TokenStream| quote!(::std::result::Result<#t, #rt::Error>);
    let token_result = result(quote!(#rt::TokenSet));
    let has_scopes = def.scopes.is_some();

    if let Some(ac) = &g.authorization_code {
        let req = format_ident!("{}Authorize", name);
        let url_result = result(quote!((#rt::__private::url::Url, #rt::PendingAuthorization)));
        let mut setters = TokenStream::new();
        let mut param_enums = TokenStream::new();
        for p in ac.extra_params.iter() {
            let ty = type_ident(&p.name);
            let method = ident(&p.name.to_snake_case());
            let variants: Vec<_> = p.values.iter().map(|v| type_ident(v)).collect();
            let values: Vec<String> = p.values.iter().map(|v| v.to_string()).collect();
            let vdocs = values.iter().map(|v| format!("`{v}`"));
            let wire = p.name.to_string();
            let default_doc = p
                .default
                .as_ref()
                .map(|d| format!("\n\nThe provider's default: `{d}`."))
                .unwrap_or_default();
            let doc = format!(
                "Values of the `{wire}` authorize parameter: {}{default_doc}",
                p.description.trim()
            );
            param_enums.extend(quote! {
                #[doc = #doc]
                #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
                pub enum #ty { #( #[doc = #vdocs] #variants, )* }
                impl #ty {
                    /// The value sent on the wire.
                    pub const fn as_str(self) -> &'static str {
                        match self { #(#ty::#variants => #values,)* }
                    }
                }
            });
            let sdoc = format!("Sets `{wire}`: {}", p.description.trim());
            setters.extend(quote! {
                #[doc = #sdoc]
                pub fn #method(mut self, value: #ty) -> Self {
                    self.params.extra.retain(|(k, _)| k != #wire);
                    self.params.extra.push((::std::string::ToString::to_string(#wire), ::std::string::ToString::to_string(value.as_str())));
                    self
                }
            });
        }
        let scope_setters = has_scopes.then(|| {
            quote! {
                /// Asks for a scope (repeat for several; they are joined with the provider's
                /// separator).
                pub fn scope(mut self, scope: impl ::std::convert::Into<scopes::Scope>) -> Self {
                    self.params.scopes.push(::std::string::ToString::to_string(scope.into().as_str()));
                    self
                }

                /// Asks for several scopes.
                pub fn scopes(mut self, scopes: impl ::std::iter::IntoIterator<Item = scopes::Scope>) -> Self {
                    self.params.scopes.extend(scopes.into_iter().map(|s| ::std::string::ToString::to_string(s.as_str())));
                    self
                }
            }
        });
        let doc = docs::authorize_doc(def, ac);
        out.extend(quote! {
            #[doc = #doc]
            pub fn authorize(&self) -> #req<'_> {
                #req { client: &self.client, params: ::std::default::Default::default() }
            }

            /// Checks the redirect's query string against `pending` (`state`, errors,
            /// redirect parameters that pin a variable), then exchanges the code. Returns the
            /// client to use from now on (a redirect may select another data centre) and the
            /// tokens.
            pub async fn exchange_callback(
                &self,
                pending: &#rt::PendingAuthorization,
                query: &str,
            ) -> ::std::result::Result<(Self, #rt::TokenSet), #rt::Error> {
                let callback = self.client.parse_callback(pending, query)?;
                let mut client = self.client.clone();
                for (index, value) in callback.selected {
                    client = client.with_var(index, value)?;
                }
                let tokens = client.exchange_code(pending, &callback.code).await?;
                ::std::result::Result::Ok((Self { client }, tokens))
            }

            /// Exchanges an authorization code the application already extracted from the
            /// redirect (prefer [`Self::exchange_callback`], which also checks `state`).
            pub async fn exchange_code(
                &self,
                pending: &#rt::PendingAuthorization,
                code: &#rt::AuthorizationCode,
            ) -> #token_result {
                self.client.exchange_code(pending, code).await
            }
        });
        let req_doc = format!(
            "An authorization request to {}; finish it with [`{req}::url`].",
            def.display_name
        );
        outside.extend(quote! {
            #param_enums

            #[doc = #req_doc]
            #[derive(Debug)]
            #[must_use]
            pub struct #req<'a> {
                client: &'a #rt::Client,
                params: #rt::AuthorizeParams,
            }

            impl #req<'_> {
                #scope_setters
                #setters

                /// The URL to send the user to, and what to keep until the redirect returns.
                pub fn url(self) -> #url_result {
                    self.client.authorize_url(&self.params)
                }
            }
        });
    }

    if g.pin.is_some() {
        let url_result = result(quote!((#rt::__private::url::Url, #rt::PendingAuthorization)));
        let pin_doc = docs::pin_doc(def);
        out.extend(quote! {
            /// The page that shows the user a PIN to type into this application.
            pub fn pin_url(&self) -> #url_result {
                self.client.pin_url()
            }

            #[doc = #pin_doc]
            pub async fn exchange_pin(&self, pin: &str) -> #token_result {
                self.client.exchange_pin(&#rt::AuthorizationCode::new(pin)).await
            }
        });
    }

    if g.refresh_token.is_some() {
        let doc = docs::refresh_doc(def);
        out.extend(quote! {
            #[doc = #doc]
            pub async fn refresh(&self, tokens: &#rt::TokenSet) -> #token_result {
                match &tokens.refresh_token {
                    ::std::option::Option::Some(rt) => self.client.refresh(rt, &[]).await,
                    ::std::option::Option::None => ::std::result::Result::Err(#rt::Error::NoToken(
                        ::std::string::ToString::to_string("this token set has no refresh token; authorize again"),
                    )),
                }
            }
        });
    }

    if g.client_credentials.is_some() {
        let doc = docs::client_credentials_doc(def);
        out.extend(quote! {
            #[doc = #doc]
            pub async fn client_credentials(&self) -> #token_result {
                self.client.client_credentials(&[], &[]).await
            }
        });
        if has_scopes {
            out.extend(quote! {
                /// The client credentials grant, asking for `scopes`.
                pub async fn client_credentials_with_scopes(
                    &self,
                    scopes: impl ::std::iter::IntoIterator<Item = scopes::Scope>,
                ) -> #token_result {
                    let scopes: ::std::vec::Vec<::std::string::String> =
                        scopes.into_iter().map(|s| ::std::string::ToString::to_string(s.as_str())).collect();
                    self.client.client_credentials(&scopes, &[]).await
                }
            });
        }
    }

    if g.device_code.is_some() {
        let dev_result = result(quote!(#rt::DeviceAuthorization));
        let scope_arg = if has_scopes {
            quote!(scopes: impl ::std::iter::IntoIterator<Item = scopes::Scope>)
        } else {
            quote!()
        };
        let scope_conv = if has_scopes {
            quote!(let scopes: ::std::vec::Vec<::std::string::String> = scopes.into_iter().map(|s| ::std::string::ToString::to_string(s.as_str())).collect();)
        } else {
            quote!(let scopes: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();)
        };
        out.extend(quote! {
            /// Starts the device authorization grant (RFC 8628): show the user code and URI.
            pub async fn device_authorization(&self, #scope_arg) -> #dev_result {
                #scope_conv
                self.client.device_authorization(&scopes).await
            }

            /// Polls until the user approves or denies, honouring the interval and `slow_down`.
            pub async fn poll_device_token(&self, device: &#rt::DeviceAuthorization) -> #token_result {
                self.client.poll_device_token(device).await
            }
        });
    }

    for c in g.custom.iter() {
        let method = ident(&c.name);
        let wire_name = c.name.to_string();
        let mut args = Vec::new();
        let mut inputs = Vec::new();
        let mut arg_docs = String::new();
        for p in c.params.iter() {
            if let oauth_model::ParamSource::Input { name: n, secret } = &p.source {
                let a = ident(n);
                let key = n.to_string();
                if *secret {
                    args.push(quote!(#a: #rt::Password));
                    inputs.push(quote!((#key, #rt::ParamValue::Secret(#a))));
                } else {
                    args.push(quote!(#a: &str));
                    inputs.push(quote!((#key, #rt::ParamValue::Text(::std::string::ToString::to_string(#a)))));
                }
                arg_docs.push_str(&format!(
                    "\n- `{key}`: sent as `{}`{}",
                    p.wire,
                    if *secret { " (secret)" } else { "" }
                ));
            }
        }
        let doc = format!("{}\n\nArguments:{arg_docs}", c.description.trim());
        let deprecated = c.deprecated.as_ref().map(|d| {
            let note = d.note.trim().trim_end_matches('.');
            let note = if note.contains(d.since.as_ref() as &str) {
                note.to_string()
            } else {
                format!("{note} (retired {})", d.since)
            };
            let note = match d.replacement.as_deref() {
                Some(r) => format!("{note}; use {} instead", grant_method(r)),
                None => note,
            };
            quote!(#[deprecated(since = "0.1.0", note = #note)])
        });
        out.extend(quote! {
            #[doc = #doc]
            #deprecated
            pub async fn #method(&self, #(#args),*) -> #token_result {
                self.client.custom_grant(#wire_name, &[#(#inputs),*]).await
            }
        });
    }

    if def.endpoint("revoke").is_some() {
        out.extend(quote! {
            /// Revokes the token set at the provider (its refresh token when it has one,
            /// which also ends the access tokens issued from it).
            pub async fn revoke(&self, tokens: &#rt::TokenSet) -> ::std::result::Result<(), #rt::Error> {
                match &tokens.refresh_token {
                    ::std::option::Option::Some(r) => self.client.revoke(r.secret(), ::std::option::Option::Some("refresh_token")).await,
                    ::std::option::Option::None => self.client.revoke(tokens.access_token.secret(), ::std::option::Option::Some("access_token")).await,
                }
            }
        });
    }
    (out, outside)
}

/// How a user calls grant `name` of the spec: `authorization_code` is `authorize()`.
fn grant_method(name: &str) -> String {
    match name {
        "authorization_code" => "the authorization code grant (`authorize()`)".to_string(),
        "refresh_token" => "`refresh()`".to_string(),
        "client_credentials" => "`client_credentials()`".to_string(),
        "device_code" => "`device_authorization()`".to_string(),
        "pin" => "`exchange_pin()`".to_string(),
        other => format!("`{other}()`"),
    }
}

fn error_codes(def: &ProviderDef, rt: &TokenStream) -> TokenStream {
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
            "`{code}` ({}, at {}): {}",
            rule.meaning,
            rule.at,
            rule.description
                .as_deref()
                .unwrap_or("no description in the spec")
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
        "The errors {} documents, one variant per error rule of the spec.",
        def.display_name
    );
    if ids.is_empty() {
        return quote! {
            #[doc = #doc]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

fn meaning_tokens(m: ErrorMeaning, rt: &TokenStream) -> TokenStream {
    let v = syn::Ident::new(&format!("{m:?}"), Span::call_site());
    quote!(#rt::ErrorMeaning::#v)
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
