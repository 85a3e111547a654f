// Generated from specs/nest.yaml by oauth-codegen. Do not edit: run
// `UPDATE_SNAPSHOTS=1 cargo test -p oauth-codegen --test snapshots` and review the diff.

///The resolved definition of Works with Nest, as the runtime reads it.
pub static PROVIDER: ::oauth_providers::__private::model::ProviderDef = ::oauth_providers::__private::model::ProviderDef {
    name: ::std::borrow::Cow::Borrowed("Nest"),
    display_name: ::std::borrow::Cow::Borrowed("Works with Nest"),
    docs_url: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "https://developers.nest.com/guides/api/authorization-reference",
        ),
    ),
    description: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "Works with Nest OAuth 2.0: a web (redirect) flow and a PIN flow for clients registered without a redirect URI. Data API responses may be 307 redirects to another host; the client should remember the redirected location.",
        ),
    ),
    deprecated: ::std::option::Option::Some(::oauth_providers::__private::model::Deprecation {
        since: ::std::borrow::Cow::Borrowed("2019-08-31"),
        note: ::std::borrow::Cow::Borrowed(
            "Works with Nest accepts no new connections since 2019-08-31; existing integrations work only until the user migrates their Nest account to a Google account.",
        ),
        replacement: ::std::option::Option::Some(
            ::std::borrow::Cow::Borrowed(
                "Google Smart Device Management (Device Access) API",
            ),
        ),
    }),
    variables: ::std::borrow::Cow::Borrowed(&[]),
    endpoints: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("authorize"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://home.nest.com/login/oauth2",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed(
                                    "https://home.nest.com/login/oauth2",
                                ),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("token"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://api.home.nest.com/oauth2/access_token",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed(
                                    "https://api.home.nest.com/oauth2/access_token",
                                ),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Post,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("revoke"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://api.home.nest.com/oauth2/access_tokens",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed(
                                    "https://api.home.nest.com/oauth2/access_tokens",
                                ),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Delete,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("api"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://developer-api.nest.com",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed(
                                    "https://developer-api.nest.com",
                                ),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
        ],
    ),
    client_auth: ::oauth_providers::__private::model::ClientAuth::RequestBody,
    token_presentation: ::oauth_providers::__private::model::Presentation::Header {
        scheme: ::std::borrow::Cow::Borrowed("Bearer"),
    },
    token_response: ::oauth_providers::__private::model::ResponseDef {
        format: ::oauth_providers::__private::model::ResponseFormat::Json,
        expires_in: ::oauth_providers::__private::model::ExpiresIn::Full,
        expires_in_unit: ::oauth_providers::__private::model::TimeUnit::Seconds,
        fields: ::oauth_providers::__private::model::FieldNames {
            access_token: ::std::borrow::Cow::Borrowed("access_token"),
            refresh_token: ::std::borrow::Cow::Borrowed("refresh_token"),
            expires_in: ::std::borrow::Cow::Borrowed("expires_in"),
            scope: ::std::borrow::Cow::Borrowed("scope"),
            token_type: ::std::borrow::Cow::Borrowed("token_type"),
        },
        extra_fields: ::std::borrow::Cow::Borrowed(&[]),
        scope_separator: ::std::borrow::Cow::Borrowed(" "),
        success_when: ::std::option::Option::None,
    },
    grants: ::oauth_providers::__private::model::GrantsDef {
        authorization_code: ::std::option::Option::Some(::oauth_providers::__private::model::AuthorizationCodeDef {
            authorize_endpoint: ::std::borrow::Cow::Borrowed("authorize"),
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            state: ::oauth_providers::__private::model::Requirement::Required,
            pkce: ::oauth_providers::__private::model::Requirement::Unsupported,
            redirect_uri: ::oauth_providers::__private::model::Requirement::Optional,
            extra_params: ::std::borrow::Cow::Borrowed(&[]),
            callback_params: ::std::borrow::Cow::Borrowed(&[]),
            code_length: ::std::option::Option::Some(16u32),
        }),
        pin: ::std::option::Option::Some(::oauth_providers::__private::model::PinDef {
            authorize_endpoint: ::std::borrow::Cow::Borrowed("authorize"),
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            state: ::oauth_providers::__private::model::Requirement::Required,
            code_length: ::std::option::Option::Some(8u32),
        }),
        refresh_token: ::std::option::Option::None,
        client_credentials: ::std::option::Option::None,
        device_code: ::std::option::Option::None,
        custom: ::std::borrow::Cow::Borrowed(&[]),
    },
    lifetimes: ::oauth_providers::__private::model::LifetimesDef {
        authorization_code: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Secs(600u64),
        ),
        pin_code: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Secs(172800u64),
        ),
        access_token: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Never,
        ),
        refresh_token: ::std::option::Option::None,
        refresh_skew_secs: 60u64,
    },
    limits: ::std::borrow::Cow::Borrowed(&[]),
    scopes: ::std::option::Option::None,
    errors: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("authorization_code_expired"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("oauth2_error"),
                                    ),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error_description"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("authorization code expired"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::CodeExpired,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The authorization code expired (web codes live 10 minutes, PINs 48 hours).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("authorization_code_not_found"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("oauth2_error"),
                                    ),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error_description"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("authorization code not found"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::CodeInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The authorization code is unknown or was already exchanged.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("client_not_active"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::Some(403u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("client_not_active"),
                                    ),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error_description"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("client is not active"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ClientDisabled,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("The client is not active."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("client_secret_not_found"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("oauth2_error"),
                                    ),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error_description"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("client secret not found"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ClientInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("The client secret is wrong."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("redirect_uri_not_allowed"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("input_error"),
                                    ),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error_description"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("redirect_uri not allowed"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The redirect URI is not allowed for this client.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("redirect_uri_not_pre_registered"),
                at: ::oauth_providers::__private::model::ErrorSite::Authorize,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("input_data_error"),
                                    ),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error_description"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed(
                                            "redirect_uri not pre-registered",
                                        ),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The redirect URI is not one of the client's registered URIs.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("missing_required_parameters"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("oauth2_error"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "missing required parameters: PARAM_NAME (or another oauth2_error).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("access_token_not_found"),
                at: ::oauth_providers::__private::model::ErrorSite::Revoke,
                status: ::std::option::Option::Some(404u16),
                when: ::std::borrow::Cow::Borrowed(&[]),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The access token is not found or was already revoked.",
                    ),
                ),
            },
        ],
    ),
};
/**A typed OAuth client for Works with Nest.

Works with Nest OAuth 2.0: a web (redirect) flow and a PIN flow for clients registered without a redirect URI. Data API responses may be 307 redirects to another host; the client should remember the redirected location.

Provider documentation: <https://developers.nest.com/guides/api/authorization-reference>

**Deprecated since 2019-08-31**: Works with Nest accepts no new connections since 2019-08-31; existing integrations work only until the user migrates their Nest account to a Google account. Use Google Smart Device Management (Device Access) API instead.

# Endpoints

- `authorize`: `GET https://home.nest.com/login/oauth2`
- `token`: `POST https://api.home.nest.com/oauth2/access_token`
- `revoke`: `DELETE https://api.home.nest.com/oauth2/access_tokens`
- `api`: `GET https://developer-api.nest.com`

# Grants

- authorization code ([`Self::authorize`])
- PIN ([`Self::exchange_pin`])

This provider issues no refresh tokens.

Client authentication: `request_body`. Tokens are sent as `Authorization: Bearer <token>`.

# Lifetimes

- authorization code: 10 minutes
- PIN code: 2 days
- access token: never expires

The runtime renews tokens 1 minute before they expire.*/
#[deprecated(
    note = "Works with Nest accepts no new connections since 2019-08-31; existing integrations work only until the user migrates their Nest account to a Google account; replaced by Google Smart Device Management (Device Access) API"
)]
#[derive(Clone, Debug)]
pub struct Nest {
    client: ::oauth_providers::__private::rt::Client,
}
#[doc = concat!("Configures a [`", stringify!(Nest), "`] client.")]
#[derive(Debug)]
#[must_use]
pub struct NestBuilder {
    inner: ::oauth_providers::__private::rt::ClientBuilder,
}
#[allow(deprecated)]
impl NestBuilder {
    /// The redirect URI registered with the provider.
    pub fn redirect_uri(mut self, uri: ::oauth_providers::__private::url::Url) -> Self {
        self.inner = self.inner.redirect_uri(uri);
        self
    }
    /// Sends every request to `origin` instead of the provider's hosts (the
    /// simulator, tests). Must be HTTPS unless it is a loopback address.
    pub fn origin_override(
        mut self,
        origin: ::oauth_providers::__private::url::Url,
    ) -> Self {
        self.inner = self.inner.origin_override(origin);
        self
    }
    /// Builds the HTTP client from `http` (proxies, TLS roots, pool settings). It is
    /// built to follow no redirect, whatever `http` says: a followed redirect would
    /// replay token requests and carry tokens to another host.
    pub fn http_client(
        mut self,
        http: ::oauth_providers::__private::reqwest::ClientBuilder,
    ) -> Self {
        self.inner = self.inner.http_client(http);
        self
    }
    /// The `User-Agent` of every request (`oauth-providers/<version>` unless set).
    pub fn user_agent(
        mut self,
        user_agent: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.inner = self.inner.user_agent(user_agent);
        self
    }
    /// Also sends access tokens to `origin`, an API host the spec does not declare
    /// (tokens go only over https, or http to a loopback address).
    pub fn allow_api_origin(
        mut self,
        origin: ::oauth_providers::__private::url::Url,
    ) -> Self {
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
        limiter: ::std::sync::Arc<::oauth_providers::__private::rt::RateLimiter>,
    ) -> Self {
        self.inner = self.inner.rate_limiter(limiter);
        self
    }
    /// Checks the configuration and builds the client.
    pub fn build(
        self,
    ) -> ::std::result::Result<Nest, ::oauth_providers::__private::rt::Error> {
        ::std::result::Result::Ok(Nest {
            client: self.inner.build()?,
        })
    }
}
#[allow(deprecated)]
impl Nest {
    ///Creates a client with the default settings for every optional variable.
    pub fn new(
        credentials: ::oauth_providers::__private::rt::Credentials,
    ) -> ::std::result::Result<Self, ::oauth_providers::__private::rt::Error> {
        Self::builder(credentials).build()
    }
    ///Starts configuring a Works with Nest client.
    pub fn builder(
        credentials: ::oauth_providers::__private::rt::Credentials,
    ) -> NestBuilder {
        NestBuilder {
            inner: ::oauth_providers::__private::rt::Client::builder(
                &PROVIDER,
                credentials,
            ),
        }
    }
    /// The untyped runtime client (every request this type makes goes through it).
    pub fn client(&self) -> &::oauth_providers::__private::rt::Client {
        &self.client
    }
    /// Attaches `token` to an API request the way the provider expects; refused before
    /// anything is sent when the request goes to an origin the spec does not declare
    /// (see the builder's `allow_api_origin`) or over plain http.
    pub fn authorize_request(
        &self,
        request: ::oauth_providers::__private::reqwest::RequestBuilder,
        token: &::oauth_providers::__private::rt::TokenSet,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::reqwest::RequestBuilder,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.authorize_request(request, token)
    }
    /// Sends an authorized API request, detecting the provider's errors in the
    /// response (including those inside HTTP 200 bodies).
    pub async fn send_api(
        &self,
        request: ::oauth_providers::__private::reqwest::RequestBuilder,
        token: &::oauth_providers::__private::rt::TokenSet,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::ApiResponse,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.send_api(request, token).await
    }
    /// The URL of a named endpoint for this client's variables (`api` is the API base).
    pub fn endpoint_url(
        &self,
        name: &str,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::url::Url,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.endpoint_url(name)
    }
    /**Starts the authorization code grant: build the URL to send the user to.

- `state`: sent (required by the provider)
- PKCE (S256): not supported by the provider
- `redirect_uri`: sent (optional for the provider)

The code lives 10 minutes: exchange it promptly.*/
    pub fn authorize(&self) -> NestAuthorize<'_> {
        NestAuthorize {
            client: &self.client,
            params: ::std::default::Default::default(),
        }
    }
    /// Checks the redirect's query string against `pending` (`state`, errors,
    /// redirect parameters that pin a variable), then exchanges the code. Returns the
    /// client to use from now on (a redirect may select another data centre) and the
    /// tokens.
    pub async fn exchange_callback(
        &self,
        pending: &::oauth_providers::__private::rt::PendingAuthorization,
        query: &str,
    ) -> ::std::result::Result<
        (Self, ::oauth_providers::__private::rt::TokenSet),
        ::oauth_providers::__private::rt::Error,
    > {
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
        pending: &::oauth_providers::__private::rt::PendingAuthorization,
        code: &::oauth_providers::__private::rt::AuthorizationCode,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.exchange_code(pending, code).await
    }
    /// The page that shows the user a PIN to type into this application.
    pub fn pin_url(
        &self,
    ) -> ::std::result::Result<
        (
            ::oauth_providers::__private::rt::__private::url::Url,
            ::oauth_providers::__private::rt::PendingAuthorization,
        ),
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.pin_url()
    }
    /**Exchanges a PIN the user read off the provider's page.

A PIN lives 2 days. It is 8 characters long.*/
    pub async fn exchange_pin(
        &self,
        pin: &str,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client
            .exchange_pin(&::oauth_providers::__private::rt::AuthorizationCode::new(pin))
            .await
    }
    /// Revokes the token set at the provider (its refresh token when it has one,
    /// which also ends the access tokens issued from it).
    pub async fn revoke(
        &self,
        tokens: &::oauth_providers::__private::rt::TokenSet,
    ) -> ::std::result::Result<(), ::oauth_providers::__private::rt::Error> {
        match &tokens.refresh_token {
            ::std::option::Option::Some(r) => {
                self.client
                    .revoke(r.secret(), ::std::option::Option::Some("refresh_token"))
                    .await
            }
            ::std::option::Option::None => {
                self.client
                    .revoke(
                        tokens.access_token.secret(),
                        ::std::option::Option::Some("access_token"),
                    )
                    .await
            }
        }
    }
}
///An authorization request to Works with Nest; finish it with [`NestAuthorize::url`].
#[derive(Debug)]
#[must_use]
pub struct NestAuthorize<'a> {
    client: &'a ::oauth_providers::__private::rt::Client,
    params: ::oauth_providers::__private::rt::AuthorizeParams,
}
impl NestAuthorize<'_> {
    /// The URL to send the user to, and what to keep until the redirect returns.
    pub fn url(
        self,
    ) -> ::std::result::Result<
        (
            ::oauth_providers::__private::rt::__private::url::Url,
            ::oauth_providers::__private::rt::PendingAuthorization,
        ),
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.authorize_url(&self.params)
    }
}
///The errors Works with Nest documents, one variant per error rule of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    ///`authorization_code_expired` (code_expired, at token_endpoint): The authorization code expired (web codes live 10 minutes, PINs 48 hours).
    AuthorizationCodeExpired,
    ///`authorization_code_not_found` (code_invalid, at token_endpoint): The authorization code is unknown or was already exchanged.
    AuthorizationCodeNotFound,
    ///`client_not_active` (client_disabled, at token_endpoint): The client is not active.
    ClientNotActive,
    ///`client_secret_not_found` (client_invalid, at token_endpoint): The client secret is wrong.
    ClientSecretNotFound,
    ///`redirect_uri_not_allowed` (bad_request, at token_endpoint): The redirect URI is not allowed for this client.
    RedirectUriNotAllowed,
    ///`redirect_uri_not_pre_registered` (bad_request, at authorize): The redirect URI is not one of the client's registered URIs.
    RedirectUriNotPreRegistered,
    ///`missing_required_parameters` (bad_request, at any): missing required parameters: PARAM_NAME (or another oauth2_error).
    MissingRequiredParameters,
    ///`access_token_not_found` (access_token_invalid, at revoke): The access token is not found or was already revoked.
    AccessTokenNotFound,
}
impl ErrorCode {
    const BY_RULE: [ErrorCode; 8usize] = [
        ErrorCode::AuthorizationCodeExpired,
        ErrorCode::AuthorizationCodeNotFound,
        ErrorCode::ClientNotActive,
        ErrorCode::ClientSecretNotFound,
        ErrorCode::RedirectUriNotAllowed,
        ErrorCode::RedirectUriNotPreRegistered,
        ErrorCode::MissingRequiredParameters,
        ErrorCode::AccessTokenNotFound,
    ];
    /// The variant for a runtime error, if a spec rule classified it.
    pub fn of(
        error: &::oauth_providers::__private::rt::Error,
    ) -> ::std::option::Option<Self> {
        let rule = error.provider()?.rule?;
        Self::BY_RULE.get(rule).copied()
    }
    /// The provider's code as written in the spec.
    pub const fn code(self) -> &'static str {
        match self {
            ErrorCode::AuthorizationCodeExpired => "authorization_code_expired",
            ErrorCode::AuthorizationCodeNotFound => "authorization_code_not_found",
            ErrorCode::ClientNotActive => "client_not_active",
            ErrorCode::ClientSecretNotFound => "client_secret_not_found",
            ErrorCode::RedirectUriNotAllowed => "redirect_uri_not_allowed",
            ErrorCode::RedirectUriNotPreRegistered => "redirect_uri_not_pre_registered",
            ErrorCode::MissingRequiredParameters => "missing_required_parameters",
            ErrorCode::AccessTokenNotFound => "access_token_not_found",
        }
    }
    /// What the error means.
    pub const fn meaning(self) -> ::oauth_providers::__private::rt::ErrorMeaning {
        match self {
            ErrorCode::AuthorizationCodeExpired => {
                ::oauth_providers::__private::rt::ErrorMeaning::CodeExpired
            }
            ErrorCode::AuthorizationCodeNotFound => {
                ::oauth_providers::__private::rt::ErrorMeaning::CodeInvalid
            }
            ErrorCode::ClientNotActive => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientDisabled
            }
            ErrorCode::ClientSecretNotFound => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientInvalid
            }
            ErrorCode::RedirectUriNotAllowed => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::RedirectUriNotPreRegistered => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::MissingRequiredParameters => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::AccessTokenNotFound => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
        }
    }
}
