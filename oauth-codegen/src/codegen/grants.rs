//! One method per grant the spec declares, the authorization request type, and a hidden,
//! uncallable method for each standard grant the spec lacks.
//!
//! A missing grant could simply have no method, but then calling it says "no method named
//! `refresh` found", which tells a user nothing about the provider. Instead the method exists,
//! hidden from the docs, with a bound no type can satisfy: a trait generated beside the client
//! whose `#[diagnostic::on_unimplemented]` message says the provider lacks the grant and lists
//! the grants it has, and whose supertrait (the runtime's sealed `Uninhabited`) no crate can
//! implement. The body calls that supertrait's `absurd`, so it type-checks, returns the real
//! method's type (a call site needs no second error) and can never run.

use heck::ToUpperCamelCase;
use oauth_model::{ExtraParamDef, ParamSource, ProviderDef, ResponseMode};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{docs, ident, type_ident, Paths};

/// The grant methods (inside the client's `impl`) and the items they need outside it.
pub(super) fn generate(
    def: &ProviderDef,
    p: &Paths,
    request_methods: &TokenStream,
) -> (TokenStream, TokenStream) {
    let mut methods = TokenStream::new();
    let mut items = TokenStream::new();
    authorization_code(def, p, request_methods, &mut methods, &mut items);
    pin(def, p, &mut methods);
    refresh(def, p, &mut methods);
    client_credentials(def, p, &mut methods);
    device_code(def, p, &mut methods);
    custom(def, p, &mut methods);
    revoke(def, p, &mut methods);
    missing(def, p, &mut methods, &mut items);
    (methods, items)
}

fn token_result(p: &Paths) -> TokenStream {
    let rt = &p.rt;
    quote!(::std::result::Result<#rt::TokenSet, #rt::Error>)
}

/// `impl IntoIterator<Item = impl IntoScope>` turned into the wire strings (one parameter).
fn scope_arg(def: &ProviderDef) -> Option<(TokenStream, TokenStream)> {
    def.scopes.as_ref()?;
    Some((
        quote!(scopes: impl ::std::iter::IntoIterator<Item = impl scopes::IntoScope>),
        quote!(
            let scopes: ::std::vec::Vec<::std::string::String> = scopes
                .into_iter()
                .map(|s| ::std::string::ToString::to_string(scopes::IntoScope::into_scope(s).as_str()))
                .collect();
        ),
    ))
}

fn authorization_code(
    def: &ProviderDef,
    p: &Paths,
    request_methods: &TokenStream,
    methods: &mut TokenStream,
    items: &mut TokenStream,
) {
    let Some(ac) = &def.grants.authorization_code else {
        return;
    };
    let (rt, eng, krate) = (&p.rt, &p.engine, &p.krate);
    let name = ident(&def.name);
    let req = format_ident!("{}Authorize", name);
    let mut setters = TokenStream::new();
    for (index, param) in ac.extra_params.iter().enumerate() {
        let (setter, item) = extra_param(param, index);
        setters.extend(setter);
        items.extend(item);
    }
    let scope_setters = def.scopes.as_ref().map(|s| {
        let other = s.open.then(|| {
            quote! {
                /// Asks for a scope outside the catalogue: this provider's scopes are
                /// configured per tenant or API, so no catalogue lists them all. Prefer the
                /// typed scopes where one exists.
                pub fn other_scope(mut self, scope: impl ::std::convert::Into<::std::string::String>) -> Self {
                    self.params.scopes.push((0, scope.into()));
                    self
                }
            }
        });
        let params_doc = if s.params.len() > 1 {
            let names: Vec<String> = s.params.iter().map(|n| format!("`{n}`")).collect();
            format!(
                " A scope goes in the parameter its family names ({}).",
                names.join(", ")
            )
        } else {
            String::new()
        };
        let scope_doc = format!(
            "Asks for a scope (repeat for several; they are joined with `{}`).{params_doc}\n\n\
             A scope is a constant of [`scopes`]: `scope!({}.<path>)`, or \
             `scope!({}, \"<the provider's string>\")`; `scopes::Scope::find` reads one at \
             run time.",
            s.separator, def.name, def.name
        );
        quote! {
            #[doc = #scope_doc]
            pub fn scope(mut self, scope: impl scopes::IntoScope) -> Self {
                let scope = scopes::IntoScope::into_scope(scope);
                self.params.scopes.push((scope.param_index(), ::std::string::ToString::to_string(scope.as_str())));
                self
            }

            /// Asks for several scopes (see [`Self::scope`]).
            pub fn scopes(mut self, scopes: impl ::std::iter::IntoIterator<Item = impl scopes::IntoScope>) -> Self {
                for scope in scopes {
                    self = self.scope(scope);
                }
                self
            }

            #other
        }
    });
    let doc = docs::authorize_doc(def, ac);
    let exchange = match ac.response_mode {
        ResponseMode::Query => quote! {
            /// Handles the redirect: checks its query string against `pending` (`state`,
            /// the provider's errors, the signature where the provider signs redirects,
            /// parameters that select a variable or carry a value learned at
            /// authorization), then exchanges the code. Returns the client to use from now on
            /// (a redirect may select another data centre) and the tokens.
            ///
            /// `pending` is consumed: a `state` is good for one redirect only.
            pub async fn exchange_callback(
                &self,
                pending: #rt::PendingAuthorization,
                query: &str,
            ) -> ::std::result::Result<(Self, #rt::TokenSet), #rt::Error> {
                let (client, tokens) = self.client.exchange_callback(pending, query).await?;
                ::std::result::Result::Ok((Self { client }, tokens))
            }
        },
        ResponseMode::FormPost => quote! {
            /// Handles the redirect, which this provider POSTs as a form
            /// (`response_mode=form_post`): checks the body against `pending` (`state`, the
            /// provider's errors), then exchanges the code. Returns the client to use from
            /// now on and the tokens.
            ///
            /// `pending` is consumed: a `state` is good for one redirect only.
            pub async fn exchange_form_post(
                &self,
                pending: #rt::PendingAuthorization,
                body: &str,
            ) -> ::std::result::Result<(Self, #rt::TokenSet), #rt::Error> {
                let (client, tokens) = self.client.exchange_form_post(pending, body).await?;
                ::std::result::Result::Ok((Self { client }, tokens))
            }
        },
    };
    let token_result = token_result(p);
    methods.extend(quote! {
        #[doc = #doc]
        pub fn authorize(&self) -> #req<'_> {
            #req { client: &self.client, params: ::std::default::Default::default() }
        }

        #exchange

        /// Exchanges an authorization code the application already took from the redirect.
        /// Prefer the callback handler, which also checks `state`.
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
    items.extend(quote! {
        #[doc = #req_doc]
        #[derive(Debug)]
        #[must_use]
        pub struct #req<'a> {
            client: &'a #eng::Client,
            params: #eng::AuthorizeParams,
        }

        impl #req<'_> {
            #scope_setters
            #setters

            /// The URL to send the user to, and what to keep until the redirect returns.
            pub fn url(self) -> ::std::result::Result<(#krate::__private::url::Url, #rt::PendingAuthorization), #rt::Error> {
                self.client.authorize_url(&self.params)
            }

            #request_methods
        }
    });
}

/// A setter for an optional authorize parameter, and the enum of its values when it has a
/// fixed set.
fn extra_param(param: &ExtraParamDef, index: usize) -> (TokenStream, TokenStream) {
    let wire = param.name.to_string();
    let method = ident(&wire);
    let index = Literal::usize_unsuffixed(index);
    let mut doc = format!("Sets `{wire}`: {}", param.description.trim());
    if let Some(d) = &param.default {
        doc.push_str(&format!("\n\nThe provider's default: `{d}`."));
    }
    if let Some(s) = &param.send {
        doc.push_str(&format!("\n\nSent as `{s}` unless set."));
    }
    let push = quote! {
        self.params.extra.retain(|(i, _)| *i != #index);
    };
    if param.values.is_empty() {
        let format = param.format.as_deref().unwrap_or(".*");
        doc.push_str(&format!(
            "\n\nThe value must match `{format}`; one that does not fails at `url()`."
        ));
        let setter = quote! {
            #[doc = #doc]
            pub fn #method(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                #push
                self.params.extra.push((#index, value.into()));
                self
            }
        };
        return (setter, TokenStream::new());
    }
    let ty = type_ident(&wire);
    let variants: Vec<syn::Ident> = param.values.iter().map(|v| type_ident(v)).collect();
    let values: Vec<String> = param.values.iter().map(|v| v.to_string()).collect();
    let vdocs = values.iter().map(|v| format!("`{v}`"));
    let default_doc = param
        .default
        .as_ref()
        .map(|d| format!("\n\nThe provider's default: `{d}`."))
        .unwrap_or_default();
    let enum_doc = format!(
        "Values of the `{wire}` authorize parameter: {}{default_doc}",
        param.description.trim()
    );
    let item = quote! {
        #[doc = #enum_doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty { #( #[doc = #vdocs] #variants, )* }

        impl #ty {
            /// The value sent on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { #(#ty::#variants => #values,)* }
            }
        }
    };
    let setter = quote! {
        #[doc = #doc]
        pub fn #method(mut self, value: #ty) -> Self {
            #push
            self.params.extra.push((#index, ::std::string::ToString::to_string(value.as_str())));
            self
        }
    };
    (setter, item)
}

fn pin(def: &ProviderDef, p: &Paths, methods: &mut TokenStream) {
    if def.grants.pin.is_none() {
        return;
    }
    let (rt, krate) = (&p.rt, &p.krate);
    let token_result = token_result(p);
    let pin_doc = docs::pin_doc(def);
    methods.extend(quote! {
        /// The page that shows the user a PIN to type into this application.
        pub fn pin_url(&self) -> ::std::result::Result<(#krate::__private::url::Url, #rt::PendingAuthorization), #rt::Error> {
            self.client.pin_url()
        }

        #[doc = #pin_doc]
        pub async fn exchange_pin(&self, pin: &str) -> #token_result {
            self.client.exchange_pin(&#rt::AuthorizationCode::new(pin)).await
        }
    });
}

fn refresh(def: &ProviderDef, p: &Paths, methods: &mut TokenStream) {
    if def.grants.refresh_token.is_none() {
        return;
    }
    let rt = &p.rt;
    let token_result = token_result(p);
    let doc = docs::refresh_doc(def);
    methods.extend(quote! {
        #[doc = #doc]
        pub async fn refresh(&self, tokens: &#rt::TokenSet) -> #token_result {
            self.client.refresh(tokens).await
        }
    });
}

fn client_credentials(def: &ProviderDef, p: &Paths, methods: &mut TokenStream) {
    if def.grants.client_credentials.is_none() {
        return;
    }
    let token_result = token_result(p);
    let doc = docs::client_credentials_doc(def);
    methods.extend(quote! {
        #[doc = #doc]
        pub async fn client_credentials(&self) -> #token_result {
            self.client.client_credentials(&[]).await
        }
    });
    if let Some((arg, convert)) = scope_arg(def) {
        methods.extend(quote! {
            /// The client credentials grant, asking for `scopes`.
            pub async fn client_credentials_with_scopes(&self, #arg) -> #token_result {
                #convert
                self.client.client_credentials(&scopes).await
            }
        });
    }
}

fn device_code(def: &ProviderDef, p: &Paths, methods: &mut TokenStream) {
    if def.grants.device_code.is_none() {
        return;
    }
    let rt = &p.rt;
    let token_result = token_result(p);
    let (arg, convert) = scope_arg(def).unwrap_or_else(|| {
        (
            quote!(),
            quote!(let scopes: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();),
        )
    });
    methods.extend(quote! {
        /// Starts the device authorization grant (RFC 8628): show the user the code and the
        /// address, then [`Self::poll_device_token`].
        pub async fn device_authorization(&self, #arg) -> ::std::result::Result<#rt::DeviceAuthorization, #rt::Error> {
            #convert
            self.client.device_authorization(&scopes).await
        }

        /// Polls until the user approves or denies, honouring the interval and `slow_down`.
        pub async fn poll_device_token(&self, device: &#rt::DeviceAuthorization) -> #token_result {
            self.client.poll_device_token(device).await
        }
    });
}

fn custom(def: &ProviderDef, p: &Paths, methods: &mut TokenStream) {
    let (rt, eng) = (&p.rt, &p.engine);
    let token_result = token_result(p);
    for (index, c) in def.grants.custom.iter().enumerate() {
        let method = ident(&c.name);
        let index = Literal::usize_unsuffixed(index);
        let mut args = Vec::new();
        let mut inputs = Vec::new();
        let mut arg_docs = String::new();
        for param in c.params.iter() {
            if let ParamSource::Input { name: n, secret } = &param.source {
                let a = ident(n);
                if *secret {
                    args.push(quote!(#a: #rt::Password));
                    inputs.push(quote!(#eng::ParamValue::Secret(#a)));
                } else {
                    args.push(quote!(#a: &str));
                    inputs.push(
                        quote!(#eng::ParamValue::Text(::std::string::ToString::to_string(#a))),
                    );
                }
                arg_docs.push_str(&format!(
                    "\n- `{n}`: sent as `{}`{}",
                    param.wire,
                    if *secret { " (secret)" } else { "" }
                ));
            }
        }
        let mut doc = format!(
            "{}{}",
            c.description.trim(),
            docs::source(def, &format!("grants.custom.{}", c.name))
        );
        if !arg_docs.is_empty() {
            doc.push_str(&format!("\n\nArguments:{arg_docs}"));
        }
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
        methods.extend(quote! {
            #[doc = #doc]
            #deprecated
            pub async fn #method(&self, #(#args),*) -> #token_result {
                self.client.custom_grant(#index, ::std::vec![#(#inputs),*]).await
            }
        });
    }
}

fn revoke(def: &ProviderDef, p: &Paths, methods: &mut TokenStream) {
    if def.endpoint("revoke").is_none() {
        return;
    }
    let rt = &p.rt;
    let doc = format!(
        "Revokes the token set at {} (its refresh token when it has one, which also ends the \
         access tokens issued from it).{}",
        def.display_name,
        docs::source(def, "endpoints.revoke")
    );
    methods.extend(quote! {
        #[doc = #doc]
        pub async fn revoke(&self, tokens: &#rt::TokenSet) -> ::std::result::Result<(), #rt::Error> {
            self.client.revoke(tokens).await
        }
    });
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

/// The hidden methods of the standard grants the spec lacks, and their traits.
///
/// A method users call with arguments takes its first one as `T: <trait>`; one they call with
/// none (`authorize()`, `client_credentials()`, `pin_url()`) has the bound
/// `for<'a> &'a Self: <trait>`, which rustc accepts at the definition (it is not trivially
/// false) and reports, with the trait's message, at each call.
fn missing(def: &ProviderDef, p: &Paths, methods: &mut TokenStream, items: &mut TokenStream) {
    let (rt, krate) = (&p.rt, &p.krate);
    let g = &def.grants;
    let have = docs::grants_list(def);
    let token_result = token_result(p);
    let url_result = quote!(::std::result::Result<(#krate::__private::url::Url, #rt::PendingAuthorization), #rt::Error>);
    let absurd = quote!(#rt::__private::Uninhabited::absurd);
    let mut lack = |grant: &str, what: &str, stubs: &dyn Fn(&syn::Ident) -> TokenStream| {
        let t = format_ident!(
            "__{}Lacks{}",
            def.name.as_ref(),
            grant.to_upper_camel_case()
        );
        let message = format!("{} has no {what}", def.display_name);
        let label = format!("{} cannot do this", def.display_name);
        items.extend(quote! {
            #[doc(hidden)]
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #have)]
            pub trait #t: #rt::__private::Uninhabited {}
        });
        methods.extend(stubs(&t));
    };
    if g.authorization_code.is_none() {
        lack("authorization_code", "authorization code grant", &|t| {
            quote! {
                #[doc(hidden)]
                pub fn authorize(&self) -> #rt::__private::NoGrant
                where
                    for<'a> &'a Self: #t,
                {
                    #absurd(&self)
                }
                #[doc(hidden)]
                pub fn exchange_callback<T: #t>(&self, unavailable: T, _query: &str) -> ::std::future::Ready<::std::result::Result<(Self, #rt::TokenSet), #rt::Error>> {
                    #absurd(&unavailable)
                }
            }
        });
    }
    if g.pin.is_none() {
        lack("pin", "PIN grant", &|t| {
            quote! {
                #[doc(hidden)]
                pub fn exchange_pin<T: #t>(&self, unavailable: T) -> ::std::future::Ready<#token_result> {
                    #absurd(&unavailable)
                }
                #[doc(hidden)]
                pub fn pin_url(&self) -> #url_result
                where
                    for<'a> &'a Self: #t,
                {
                    #absurd(&self)
                }
            }
        });
    }
    if g.refresh_token.is_none() {
        lack(
            "refresh_token",
            "refresh grant: its tokens cannot be renewed, so it has no refreshing token source",
            &|t| {
                quote! {
                    #[doc(hidden)]
                    pub fn refresh<T: #t>(&self, unavailable: T) -> ::std::future::Ready<#token_result> {
                        #absurd(&unavailable)
                    }
                    #[doc(hidden)]
                    pub fn token_source<T: #t>(&self, unavailable: T) -> #rt::TokenSourceBuilder {
                        #absurd(&unavailable)
                    }
                }
            },
        );
    }
    if g.client_credentials.is_none() {
        lack("client_credentials", "client credentials grant", &|t| {
            quote! {
                #[doc(hidden)]
                pub fn client_credentials(&self) -> ::std::future::Ready<#token_result>
                where
                    for<'a> &'a Self: #t,
                {
                    #absurd(&self)
                }
                #[doc(hidden)]
                pub fn client_credentials_source<T: #t>(&self, unavailable: T) -> #rt::TokenSourceBuilder {
                    #absurd(&unavailable)
                }
            }
        });
    }
    if g.device_code.is_none() {
        lack("device_code", "device authorization grant", &|t| {
            quote! {
                #[doc(hidden)]
                pub fn device_authorization<T: #t>(&self, unavailable: T) -> ::std::future::Ready<::std::result::Result<#rt::DeviceAuthorization, #rt::Error>> {
                    #absurd(&unavailable)
                }
            }
        });
    }
    if def.endpoint("revoke").is_none() {
        lack("revocation", "revocation endpoint", &|t| {
            quote! {
                #[doc(hidden)]
                pub fn revoke<T: #t>(&self, unavailable: T) -> ::std::future::Ready<::std::result::Result<(), #rt::Error>> {
                    #absurd(&unavailable)
                }
            }
        });
    }
}
