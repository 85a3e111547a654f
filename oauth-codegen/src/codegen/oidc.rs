//! What an `oidc:` section adds to the generated client: the typed claims (`<Name>Claims`:
//! OIDC Core's through `Deref`, one getter per claim the spec declares), the login result
//! (`<Name>Login { client, tokens, claims }`), `login` and `authorize().start()` (PAR),
//! `discover`, `userinfo`, `id_token_claims`, `end_session_url`, and the builder's `dpop` /
//! `par` switches where the spec leaves them to the user.
//!
//! Why a `Login` result and not only `tokens.id_token_claims()`: the claims of a login are
//! what an application signs a user in with, so the method that signs in hands them over
//! typed and always present (a `Login` exists only after every ID token check passed), where
//! an `Option` on the token set would let a caller forget the `None` of a plain OAuth
//! exchange. `exchange_callback` stays, verifying the same way, and the claims remain on the
//! set (stored with it) for UserInfo's `sub` check after a restart.

use oauth_model::{ClaimKind, ProviderDef, Requirement, ResponseMode};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{ident, Paths};

/// The client methods, the builder setters and the items an `oidc:` section adds (all empty
/// for a plain OAuth provider).
pub(super) struct Oidc {
    pub(super) methods: TokenStream,
    pub(super) setters: TokenStream,
    pub(super) items: TokenStream,
    /// Methods of the authorization request type (`start`).
    pub(super) request_methods: TokenStream,
}

pub(super) fn generate(def: &ProviderDef, p: &Paths) -> Oidc {
    let mut out = Oidc {
        methods: TokenStream::new(),
        setters: TokenStream::new(),
        items: TokenStream::new(),
        request_methods: TokenStream::new(),
    };
    let Some(oidc) = &def.oidc else {
        return out;
    };
    let (rt, krate) = (&p.rt, &p.krate);
    let name = ident(&def.name);
    let claims_ty = format_ident!("{}Claims", name);
    let login_ty = format_ident!("{}Login", name);
    let url = quote!(#krate::__private::url::Url);

    let getters = oidc.claims.iter().map(|c| {
        let method = ident(&c.name);
        let wire = c.name.to_string();
        let doc = format!("`{wire}`: {}", c.description);
        match c.kind {
            ClaimKind::String => quote! {
                #[doc = #doc]
                pub fn #method(&self) -> ::std::option::Option<&str> {
                    self.0.extra.get(#wire).and_then(|v| v.as_str())
                }
            },
            ClaimKind::Bool => quote! {
                #[doc = #doc]
                pub fn #method(&self) -> ::std::option::Option<bool> {
                    let value = self.0.extra.get(#wire)?;
                    value.as_bool().or(match value.as_str() {
                        ::std::option::Option::Some("true") => ::std::option::Option::Some(true),
                        ::std::option::Option::Some("false") => ::std::option::Option::Some(false),
                        _ => ::std::option::Option::None,
                    })
                }
            },
            ClaimKind::Integer => quote! {
                #[doc = #doc]
                pub fn #method(&self) -> ::std::option::Option<i64> {
                    self.0.extra.get(#wire).and_then(|v| v.as_i64())
                }
            },
            ClaimKind::Strings => quote! {
                #[doc = #doc]
                pub fn #method(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
                    self.0.extra.get(#wire)?.as_array()?.iter().map(|v| v.as_str()).collect()
                }
            },
        }
    });
    let claims_doc = format!(
        "The verified ID token claims of {}: OIDC Core's (`sub`, `iss`, `aud`, `email`, ...) \
         through `Deref` to `IdTokenClaims`, and a getter per claim of the provider's own.",
        def.display_name
    );
    let login_doc = format!(
        "A completed {} login: every ID token check passed (signature, algorithm, `iss`, \
         `aud`/`azp`, `exp`/`iat`, `nonce`, `at_hash`). `Debug` shows no token.",
        def.display_name
    );
    out.items.extend(quote! {
        #[doc = #claims_doc]
        #[derive(Clone, Debug, PartialEq)]
        pub struct #claims_ty(#rt::oidc::IdTokenClaims);

        impl #claims_ty {
            #(#getters)*

            /// The claims as the runtime types them.
            pub fn into_inner(self) -> #rt::oidc::IdTokenClaims {
                self.0
            }
        }

        impl ::std::ops::Deref for #claims_ty {
            type Target = #rt::oidc::IdTokenClaims;

            fn deref(&self) -> &#rt::oidc::IdTokenClaims {
                &self.0
            }
        }

        #[doc = #login_doc]
        #[derive(Debug)]
        #[non_exhaustive]
        pub struct #login_ty {
            /// The client to use from now on.
            pub client: #name,
            /// The tokens (their verified claims are kept on them too).
            pub tokens: #rt::TokenSet,
            /// The verified ID token claims.
            pub claims: #claims_ty,
        }
    });

    out.methods.extend(quote! {
        /// The provider's OpenID metadata (discovered on first use, cached by its
        /// `Cache-Control`, its `issuer` checked against this client's).
        pub async fn discover(&self) -> ::std::result::Result<::std::sync::Arc<#rt::oidc::ProviderMetadata>, #rt::Error> {
            self.client.discover().await
        }

        /// The issuer this client expects in the metadata and in every ID token.
        pub fn issuer_id(&self) -> &str {
            self.client.oidc_issuer().unwrap_or_default()
        }

        /// The ID token claims verified when `tokens` were obtained or last renewed, typed.
        pub fn id_token_claims(&self, tokens: &#rt::TokenSet) -> ::std::option::Option<#claims_ty> {
            tokens.id_token_claims().cloned().map(#claims_ty)
        }

        /// UserInfo (OIDC Core §5.3) with the access token of `tokens` (a DPoP proof when
        /// they are bound); its `sub` must be the verified ID token's.
        pub async fn userinfo(&self, tokens: &#rt::TokenSet) -> ::std::result::Result<#rt::oidc::UserInfoClaims, #rt::Error> {
            self.client.userinfo(tokens).await
        }

        /// The RP-initiated logout URL: the metadata's `end_session_endpoint` with
        /// `id_token_hint`, `client_id`, and the `post_logout_redirect_uri` and `state` given.
        pub async fn end_session_url(
            &self,
            tokens: &#rt::TokenSet,
            post_logout_redirect_uri: ::std::option::Option<&#url>,
            state: ::std::option::Option<&str>,
        ) -> ::std::result::Result<#url, #rt::Error> {
            self.client.end_session_url(tokens, post_logout_redirect_uri, state).await
        }
    });

    let revokes = def.endpoint("revoke").is_some();
    let logout_doc = if revokes {
        "Signs the user out: revokes `tokens` (the refresh token, else the access token) at the \
         provider's revocation endpoint, and returns the RP-initiated logout URL to send the \
         browser to (`None` when the provider has no end-session endpoint)."
    } else {
        "Signs the user out: returns the RP-initiated logout URL to send the browser to \
         (`None` when the provider has no end-session endpoint). The provider has no \
         revocation endpoint, so the tokens stay valid until they expire: drop them."
    };
    out.methods.extend(quote! {
        #[doc = #logout_doc]
        pub async fn logout(
            &self,
            tokens: #rt::TokenSet,
            post_logout_redirect_uri: ::std::option::Option<&#url>,
            state: ::std::option::Option<&str>,
        ) -> ::std::result::Result<::std::option::Option<#url>, #rt::Error> {
            self.client.logout(&tokens, post_logout_redirect_uri, state).await
        }
    });

    if let Some(ac) = &def.grants.authorization_code {
        let (method, exchange, what) = match ac.response_mode {
            ResponseMode::Query => (quote!(login), quote!(exchange_callback), "its query string"),
            ResponseMode::FormPost => (
                quote!(login_form_post),
                quote!(exchange_form_post),
                "the body of its form POST",
            ),
        };
        let doc = format!(
            "Handles the redirect ({what}) and signs the user in: checks `state`, exchanges \
             the code, and verifies the ID token against `pending`'s nonce. A token failing \
             any check is `Error::IdToken`, naming the check."
        );
        out.methods.extend(quote! {
            #[doc = #doc]
            pub async fn #method(
                &self,
                pending: #rt::PendingAuthorization,
                redirect: &str,
            ) -> ::std::result::Result<#login_ty, #rt::Error> {
                let (client, tokens) = self.client.#exchange(pending, redirect).await?;
                let claims = tokens.id_token_claims().cloned().ok_or_else(|| {
                    #rt::Error::NoToken(::std::string::ToString::to_string(
                        "the login yielded no ID token: ask for the `openid` scope",
                    ))
                })?;
                ::std::result::Result::Ok(#login_ty {
                    client: Self { client },
                    tokens,
                    claims: #claims_ty(claims),
                })
            }
        });
        out.request_methods.extend(quote! {
            /// The URL to send the user to, after discovery: pushed first (RFC 9126) when the
            /// spec, the builder or the provider's metadata requires it, so the URL carries
            /// only `client_id` and `request_uri`.
            pub async fn start(self) -> ::std::result::Result<(#url, #rt::PendingAuthorization), #rt::Error> {
                self.client.authorize_url_pushed(&self.params).await
            }
        });
    }

    if oidc.dpop == Requirement::Optional {
        out.setters.extend(quote! {
            /// Binds tokens to a DPoP key (RFC 9449): a key pair per token set, stored with
            /// it, proofs on token and API requests, the server's `DPoP-Nonce` honoured.
            pub fn dpop(mut self, on: bool) -> Self {
                self.inner = self.inner.dpop(on);
                self
            }
        });
    }
    if oidc.par == Requirement::Optional {
        out.setters.extend(quote! {
            /// Pushes every authorization request (RFC 9126), even where the provider's
            /// metadata does not require it; `authorize().start()` then builds the URL.
            pub fn par(mut self, on: bool) -> Self {
                self.inner = self.inner.par(on);
                self
            }
        });
    }
    out
}
