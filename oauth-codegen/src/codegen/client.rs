//! The client type: its variables (an enum per choice, a newtype per free value), its
//! builder and constructors, the methods every provider has, and the token-source and
//! API-client constructors, which exist only where the provider's grants allow them.

use heck::ToSnakeCase;
use oauth_model::{ClientAuth, ProviderDef, VariableKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, ident, type_ident, Paths};

/// A variable the constructors require (it has no default).
pub(super) struct RequiredVar {
    key: String,
    index: usize,
    arg: syn::Ident,
    ty: syn::Ident,
    /// A free value (a newtype, so the argument takes anything that converts into it).
    free: bool,
}

pub(super) fn required_vars(def: &ProviderDef) -> Vec<RequiredVar> {
    def.variables
        .iter()
        .enumerate()
        .filter_map(|(index, v)| {
            let key = v.name.to_string();
            let required = matches!(
                v.kind,
                VariableKind::Choice { default: None, .. }
                    | VariableKind::Free { default: None, .. }
            );
            required.then(|| RequiredVar {
                arg: ident(&key.to_snake_case()),
                ty: type_ident(&key),
                free: matches!(v.kind, VariableKind::Free { .. }),
                key,
                index,
            })
        })
        .collect()
}

/// One enum per choice variable, one newtype per free variable.
pub(super) fn variables(def: &ProviderDef, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let mut out = TokenStream::new();
    for v in def.variables.iter() {
        let ty = type_ident(&v.name);
        match &v.kind {
            VariableKind::Choice {
                properties,
                choices,
                default,
            } => {
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
                let indices = (0..choices.len()).map(proc_macro2::Literal::usize_unsuffixed);
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
                    #[non_exhaustive]
                    pub enum #ty {
                        #( #[doc = #variant_docs] #variants, )*
                    }

                    impl #ty {
                        /// Every value.
                        pub const ALL: &'static [#ty] = &[#(#ty::#variants),*];

                        /// The value as written in the spec.
                        pub const fn key(self) -> &'static str {
                            match self { #(#ty::#variants => #keys,)* }
                        }

                        /// The value written `key` in the spec, if there is one.
                        pub fn from_key(key: &str) -> ::std::option::Option<Self> {
                            Self::ALL.iter().copied().find(|v| v.key() == key)
                        }

                        fn value(self) -> #rt::VarValue {
                            #rt::VarValue::Choice(match self { #(#ty::#variants => #indices,)* })
                        }
                    }
                    #default_impl
                });
            }
            VariableKind::Free {
                format, example, ..
            } => {
                let example_doc = example
                    .as_ref()
                    .map(|e| format!(" For example `{e}`."))
                    .unwrap_or_default();
                let doc = format!(
                    "{}\n\nA value matching `{format}`, checked when the client is built.\
                     {example_doc} Used in templates as `{{{}}}`.",
                    v.description.trim(),
                    v.name
                );
                out.extend(quote! {
                    #[doc = #doc]
                    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
                    pub struct #ty(::std::string::String);

                    impl #ty {
                        /// Wraps a value (checked against the format when the client is built).
                        pub fn new(value: impl ::std::convert::Into<::std::string::String>) -> Self {
                            #ty(value.into())
                        }

                        /// The value.
                        pub fn as_str(&self) -> &str {
                            &self.0
                        }

                        fn value(self) -> #rt::VarValue {
                            #rt::VarValue::Free(self.0)
                        }
                    }

                    impl ::std::convert::From<&str> for #ty {
                        fn from(value: &str) -> Self {
                            #ty::new(value)
                        }
                    }

                    impl ::std::convert::From<::std::string::String> for #ty {
                        fn from(value: ::std::string::String) -> Self {
                            #ty(value)
                        }
                    }

                    impl ::std::convert::From<&::std::string::String> for #ty {
                        fn from(value: &::std::string::String) -> Self {
                            #ty(::std::clone::Clone::clone(value))
                        }
                    }
                });
            }
        }
    }
    out
}

/// The client struct, its builder, its constructors and the methods every provider has.
pub(super) fn client(
    def: &ProviderDef,
    p: &Paths,
    grant_methods: TokenStream,
    oidc_setters: TokenStream,
) -> TokenStream {
    let (rt, eng, krate) = (&p.rt, &p.engine, &p.krate);
    let name = ident(&def.name);
    let builder = format_ident!("{}Builder", name);
    let required = required_vars(def);
    let req_params: Vec<TokenStream> = required
        .iter()
        .map(|r| {
            let (n, t) = (&r.arg, &r.ty);
            if r.free {
                quote!(#n: impl ::std::convert::Into<#t>)
            } else {
                quote!(#n: #t)
            }
        })
        .collect();
    let req_args: Vec<&syn::Ident> = required.iter().map(|r| &r.arg).collect();
    let req_sets = required.iter().map(|r| {
        let (n, t, i) = (
            &r.arg,
            &r.ty,
            proc_macro2::Literal::usize_unsuffixed(r.index),
        );
        if r.free {
            quote!(.var_at(#i, ::std::convert::Into::<#t>::into(#n).value()))
        } else {
            quote!(.var_at(#i, #n.value()))
        }
    });
    let required_doc = if required.is_empty() {
        String::new()
    } else {
        format!(
            "\n\nRequired: {}.",
            required
                .iter()
                .map(|r| format!("`{}` ([`{}`])", r.key, r.ty))
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
    let client_doc = docs::client_doc(def);
    let deprecated = docs::deprecated_attr(def);
    let setters = optional_setters(def);
    let key_setter = needs_key(def).then(|| {
        quote! {
            /// The client's signing key, for client assertions (`private_key_jwt`) or a signed
            /// client secret: the private key in PEM (PKCS#8), with the key id the provider
            /// knows it by.
            pub fn private_key(mut self, key: #rt::jose::SigningKey) -> Self {
                self.inner = self.inner.signing_key(key);
                self
            }
        }
    });
    let sources = sources(def, p);
    let getters = getters(def, p);

    quote! {
        #[doc = #client_doc]
        #deprecated
        #[derive(Clone, Debug)]
        pub struct #name {
            client: #eng::Client,
        }

        #[doc = concat!("Configures a [`", stringify!(#name), "`] client.")]
        #[derive(Debug)]
        #[must_use]
        pub struct #builder {
            inner: #eng::ClientBuilder,
        }

        #[allow(deprecated)]
        impl #builder {
            #setters

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

            /// Time allowed for one request (30 s unless set).
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.inner = self.inner.timeout(timeout);
                self
            }

            /// Checks the spec's rate limits with `limiter` instead of one of the client's
            /// own: to share it between clients of one client id, to drive it with a test
            /// clock, or `RateLimiter::unlimited()` to leave the judging to the provider.
            pub fn rate_limiter(mut self, limiter: ::std::sync::Arc<#rt::RateLimiter>) -> Self {
                self.inner = self.inner.rate_limiter(limiter);
                self
            }

            /// The clock the client, the rate limiter it builds and the token sources built
            /// from it go by (the system's unless set): a test clock, such as one following
            /// the simulator's, moves expiries, renewals and limits together.
            pub fn clock(mut self, clock: ::std::sync::Arc<dyn #rt::Clock>) -> Self {
                self.inner = self.inner.clock(clock);
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

            #key_setter

            #oidc_setters

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
            pub fn builder(credentials: #rt::Credentials #(, #req_params)*) -> #builder {
                #builder { inner: #eng::Client::builder(&PROVIDER, credentials) #(#req_sets)* }
            }

            /// The provider's resolved definition, as the runtime reads it.
            pub fn def() -> &'static #krate::__private::model::ProviderDef {
                &PROVIDER
            }

            /// The URL of a named endpoint for this client's variables (`api` is the API base).
            pub fn endpoint_url(&self, name: &str) -> ::std::result::Result<#krate::__private::url::Url, #rt::Error> {
                self.client.endpoint_url(name)
            }

            /// The URL of a named endpoint for this client's variables and the values `tokens`
            /// learned at authorization (`{connection.instance_url}`); an absent value is
            /// `Error::MissingConnectionValue`, never a request to another host.
            pub fn endpoint_url_for(
                &self,
                name: &str,
                tokens: &#rt::TokenSet,
            ) -> ::std::result::Result<#krate::__private::url::Url, #rt::Error> {
                self.client.endpoint_url_for(name, tokens)
            }

            /// The authorization server this client talks to (its token endpoint's URL for this
            /// client's variables): every token set it obtains records it, and a stored set
            /// from another issuer is refused.
            pub fn authorization_server(&self) -> ::std::result::Result<::std::string::String, #rt::Error> {
                self.client.issuer()
            }

            /// The limiter this client checks the spec's rate limits with (share it between
            /// clients of one client id with the builder's `rate_limiter`).
            pub fn rate_limiter(&self) -> &::std::sync::Arc<#rt::RateLimiter> {
                self.client.rate_limiter()
            }

            #getters

            /// The HTTP client this client sends with (it follows no redirect), for building
            /// API requests to pass to [`Self::send_api`].
            pub fn http(&self) -> &#krate::__private::reqwest::Client {
                self.client.http()
            }

            /// Attaches `token` to an API request the way the provider expects, with the API
            /// headers the spec declares; refused before anything is sent when the request
            /// goes to an origin that may not receive tokens (see the builder's
            /// `allow_api_origin`) or over plain http.
            pub fn authorize_request(
                &self,
                request: #krate::__private::reqwest::RequestBuilder,
                token: &#rt::TokenSet,
            ) -> ::std::result::Result<#krate::__private::reqwest::RequestBuilder, #rt::Error> {
                self.client.authorize_request(request, token)
            }

            /// Sends an authorized API request, detecting the provider's errors in the
            /// response (including those inside HTTP 200 bodies). A redirect is returned, not
            /// followed.
            pub async fn send_api(
                &self,
                request: #krate::__private::reqwest::RequestBuilder,
                token: &#rt::TokenSet,
            ) -> ::std::result::Result<#rt::ApiResponse, #rt::Error> {
                self.client.send_api(request, token).await
            }

            /// An API client whose requests carry tokens from `source` (renewed once and
            /// retried once when the API rejects one).
            pub fn authorized(&self, source: #rt::TokenSource) -> #rt::AuthorizedClient {
                #rt::AuthorizedClient::new(self.client.clone(), source)
            }

            #sources

            #grant_methods
        }
    }
}

/// A getter per variable: the value this client was built with, or the one a redirect
/// selected.
fn getters(def: &ProviderDef, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let getters = def.variables.iter().enumerate().filter_map(|(i, v)| {
        let method = ident(&v.name.to_snake_case());
        let ty = type_ident(&v.name);
        let index = proc_macro2::Literal::usize_unsuffixed(i);
        let doc = format!("This client's `{}`: {}", v.name, v.description.trim());
        let body = match &v.kind {
            VariableKind::Choice { choices, .. } => {
                let variants: Vec<syn::Ident> =
                    choices.iter().map(|c| type_ident(&c.key)).collect();
                // Validation guarantees a choice; without one there is no value to return.
                let first = variants.first()?;
                let arms = variants
                    .iter()
                    .enumerate()
                    .map(|(n, v)| {
                        let n = proc_macro2::Literal::usize_unsuffixed(n);
                        quote!(::std::option::Option::Some(#rt::VarValue::Choice(#n)) => #ty::#v,)
                    });
                quote! {
                    match self.client.vars().get(#index) {
                        #(#arms)*
                        _ => #ty::#first,
                    }
                }
            }
            VariableKind::Free { .. } => quote! {
                match self.client.vars().get(#index) {
                    ::std::option::Option::Some(#rt::VarValue::Free(value)) => #ty(::std::clone::Clone::clone(value)),
                    _ => #ty(::std::string::String::new()),
                }
            },
        };
        Some(quote! {
            #[doc = #doc]
            pub fn #method(&self) -> #ty {
                #body
            }
        })
    });
    quote!(#(#getters)*)
}

/// Whether the client needs a signing key (a JWT client authentication method).
fn needs_key(def: &ProviderDef) -> bool {
    matches!(
        def.client_auth.method,
        ClientAuth::PrivateKeyJwt | ClientAuth::SignedClientSecret
    )
}

/// A builder setter per variable that has a default.
fn optional_setters(def: &ProviderDef) -> TokenStream {
    let setters = def.variables.iter().enumerate().filter_map(|(i, v)| {
        let key = v.name.to_string();
        let method = ident(&key.to_snake_case());
        let ty = type_ident(&key);
        let index = proc_macro2::Literal::usize_unsuffixed(i);
        let doc = format!("Sets `{key}`: {}", v.description.trim());
        let default = match &v.kind {
            VariableKind::Choice {
                default: Some(d),
                choices,
                ..
            } => choices.get(*d).map(|c| c.key.to_string())?,
            VariableKind::Free {
                default: Some(d), ..
            } => d.to_string(),
            _ => return None,
        };
        let doc = format!("{doc}\n\nDefault: `{default}`.");
        Some(quote! {
            #[doc = #doc]
            pub fn #method(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
                self.inner = self.inner.var_at(#index, value.into().value());
                self
            }
        })
    });
    quote!(#(#setters)*)
}

/// Token-source constructors, each only where a grant makes one possible.
fn sources(def: &ProviderDef, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let g = &def.grants;
    let mut out = TokenStream::new();
    if g.refresh_token.is_some() {
        let doc = format!(
            "A token source for `subject` (a user, a tenant) that renews with {}'s refresh \
             grant: seed it with `set` after the authorization, or give it a store that holds \
             a set. Its key names the provider, the issuer, the client id and `subject`; the \
             spec's skew, limits and cap apply.",
            def.display_name
        );
        out.extend(quote! {
            #[doc = #doc]
            pub fn token_source(&self, subject: &str) -> #rt::TokenSourceBuilder {
                #rt::TokenSource::refreshing(&self.client, subject)
            }
        });
    }
    if g.client_credentials.is_some() {
        let doc = format!(
            "A token source for `subject` (a service name) that obtains tokens with {}'s \
             client credentials grant (the spec's default scopes).",
            def.display_name
        );
        out.extend(quote! {
            #[doc = #doc]
            pub fn client_credentials_source(&self, subject: &str) -> #rt::TokenSourceBuilder {
                #rt::TokenSource::client_credentials(&self.client, subject, ::std::vec::Vec::new())
            }
        });
        if def.scopes.is_some() {
            out.extend(quote! {
                /// A client credentials token source asking for `scopes`.
                pub fn client_credentials_source_with_scopes(
                    &self,
                    subject: &str,
                    scopes: impl ::std::iter::IntoIterator<Item = impl scopes::IntoScope>,
                ) -> #rt::TokenSourceBuilder {
                    let scopes = scopes
                        .into_iter()
                        .map(|s| ::std::string::ToString::to_string(scopes::IntoScope::into_scope(s).as_str()))
                        .collect();
                    #rt::TokenSource::client_credentials(&self.client, subject, scopes)
                }
            });
        }
    }
    out
}
