// Generated from specs/openid.yaml by oauth-codegen. Do not edit: run
// `UPDATE_SNAPSHOTS=1 cargo test -p oauth-codegen --test snapshots` and review the diff.

///The resolved definition of Generic OpenID Connect provider, as the runtime reads it.
pub static PROVIDER: ::oauth_providers::__private::model::ProviderDef = ::oauth_providers::__private::model::ProviderDef {
    name: ::std::borrow::Cow::Borrowed("OpenId"),
    display_name: ::std::borrow::Cow::Borrowed("Generic OpenID Connect provider"),
    docs_url: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "https://openid.net/specs/openid-connect-core-1_0.html",
        ),
    ),
    description: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "Any OpenID Connect / OAuth 2.0 server with oidc-provider's endpoint layout under an issuer URL (`/auth`, `/token`, `/token/revocation`, `/device/auth`, `/me`).",
        ),
    ),
    deprecated: ::std::option::Option::None,
    variables: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::VariableDef {
                name: ::std::borrow::Cow::Borrowed("issuer"),
                description: ::std::borrow::Cow::Borrowed(
                    "The issuer URL, as in `/.well-known/openid-configuration` (`http://127.0.0.1:<port>` for a local oidc-provider). No trailing slash.",
                ),
                kind: ::oauth_providers::__private::model::VariableKind::Free {
                    format: ::std::borrow::Cow::Borrowed(
                        "https?://[^/?#]+(/[^?#]*[^/?#])?",
                    ),
                    example: ::std::option::Option::Some(
                        ::std::borrow::Cow::Borrowed("https://id.example.com"),
                    ),
                    default: ::std::option::Option::None,
                },
            },
        ],
    ),
    endpoints: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("authorize"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed("{issuer}/auth"),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/auth"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("token"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed("{issuer}/token"),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/token"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Post,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("revoke"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed("{issuer}/token/revocation"),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/token/revocation"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Post,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("device_authorization"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed("{issuer}/device/auth"),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/device/auth"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Post,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("api"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed("{issuer}/me"),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/me"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
        ],
    ),
    client_auth: ::oauth_providers::__private::model::ClientAuth::Basic,
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
        extra_fields: ::std::borrow::Cow::Borrowed(
            &[::std::borrow::Cow::Borrowed("id_token")],
        ),
        scope_separator: ::std::borrow::Cow::Borrowed(" "),
        success_when: ::std::option::Option::None,
    },
    grants: ::oauth_providers::__private::model::GrantsDef {
        authorization_code: ::std::option::Option::Some(::oauth_providers::__private::model::AuthorizationCodeDef {
            authorize_endpoint: ::std::borrow::Cow::Borrowed("authorize"),
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            state: ::oauth_providers::__private::model::Requirement::Required,
            pkce: ::oauth_providers::__private::model::Requirement::Required,
            redirect_uri: ::oauth_providers::__private::model::Requirement::Required,
            extra_params: ::std::borrow::Cow::Borrowed(
                &[
                    ::oauth_providers::__private::model::ExtraParamDef {
                        name: ::std::borrow::Cow::Borrowed("prompt"),
                        description: ::std::borrow::Cow::Borrowed(
                            "`consent` forces the consent screen (with `offline_access`, needed to get a refresh token), `login` forces a new login, `none` fails instead of showing any page.",
                        ),
                        values: ::std::borrow::Cow::Borrowed(
                            &[
                                ::std::borrow::Cow::Borrowed("consent"),
                                ::std::borrow::Cow::Borrowed("login"),
                                ::std::borrow::Cow::Borrowed("none"),
                            ],
                        ),
                        default: ::std::option::Option::None,
                    },
                ],
            ),
            callback_params: ::std::borrow::Cow::Borrowed(&[]),
            code_length: ::std::option::Option::None,
        }),
        pin: ::std::option::Option::None,
        refresh_token: ::std::option::Option::Some(::oauth_providers::__private::model::RefreshDef {
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            rotates: true,
            send_scope: false,
        }),
        client_credentials: ::std::option::Option::Some(::oauth_providers::__private::model::ClientCredentialsDef {
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            params_in: ::oauth_providers::__private::model::ParamsIn::Body,
            reuses_token: false,
        }),
        device_code: ::std::option::Option::Some(::oauth_providers::__private::model::DeviceCodeDef {
            device_endpoint: ::std::borrow::Cow::Borrowed("device_authorization"),
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            grant_type: ::std::borrow::Cow::Borrowed(
                "urn:ietf:params:oauth:grant-type:device_code",
            ),
            poll_interval_secs: 5u64,
        }),
        custom: ::std::borrow::Cow::Borrowed(&[]),
    },
    lifetimes: ::oauth_providers::__private::model::LifetimesDef {
        authorization_code: ::std::option::Option::None,
        pin_code: ::std::option::Option::None,
        access_token: ::std::option::Option::None,
        refresh_token: ::std::option::Option::None,
        refresh_skew_secs: 60u64,
    },
    limits: ::std::borrow::Cow::Borrowed(&[]),
    scopes: ::std::option::Option::Some(::oauth_providers::__private::model::ScopesDef {
        required: false,
        separator: ::std::borrow::Cow::Borrowed(" "),
        syntax: ::std::borrow::Cow::Borrowed("{name}"),
        placeholders: ::std::borrow::Cow::Borrowed(
            &[::std::borrow::Cow::Borrowed("name")],
        ),
        catalogue: ::oauth_providers::__private::model::Catalogue::from_joined(
            "address\napi_read\nemail\noffline_access\nopenid\nphone\nprofile",
        ),
        default: ::std::borrow::Cow::Borrowed(&[::std::borrow::Cow::Borrowed("openid")]),
    }),
    errors: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_grant"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_grant"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RefreshTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The authorization grant or refresh token is invalid, expired, revoked, does not match the redirect URI, or was issued to another client.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_client"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_client"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ClientInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Client authentication failed."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("unauthorized_client"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("unauthorized_client"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ClientInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The client is not authorized to use this grant type or response type.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("unsupported_grant_type"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("unsupported_grant_type"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The server does not support this grant type.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("authorization_pending"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("authorization_pending"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AuthorizationPending,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The user has not finished the device authorization yet.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("slow_down"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("slow_down"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::SlowDown,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Polling too fast; add 5 seconds to the interval.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("expired_token"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("expired_token"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::CodeExpired,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The device code expired; start the device authorization again.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_request"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_request"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The request is missing a parameter, repeats one, or is otherwise malformed.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_scope"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_scope"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::InsufficientScope,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "A requested scope is invalid, unknown or malformed.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("access_denied"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("access_denied"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The user or the server denied the request.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("unsupported_response_type"),
                at: ::oauth_providers::__private::model::ErrorSite::Authorize,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("unsupported_response_type"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The server does not support this response type.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("login_required"),
                at: ::oauth_providers::__private::model::ErrorSite::Authorize,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("login_required"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "prompt=none, but the user must log in.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("consent_required"),
                at: ::oauth_providers::__private::model::ErrorSite::Authorize,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("consent_required"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "prompt=none, but the user must consent.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("interaction_required"),
                at: ::oauth_providers::__private::model::ErrorSite::Authorize,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("interaction_required"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "prompt=none, but the user must interact.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("server_error"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("server_error"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("The server failed."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("temporarily_unavailable"),
                at: ::oauth_providers::__private::model::ErrorSite::Any,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("temporarily_unavailable"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The server is temporarily unavailable.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("unsupported_token_type"),
                at: ::oauth_providers::__private::model::ErrorSite::Revoke,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("unsupported_token_type"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The server cannot revoke this type of token.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_token"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_token"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The access token is expired, revoked, malformed or otherwise invalid.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("insufficient_scope"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("insufficient_scope"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::InsufficientScope,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The access token lacks the scope this request needs.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("http_401"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::Some(401u16),
                when: ::std::borrow::Cow::Borrowed(&[]),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "HTTP 401 from the API with no recognised body.",
                    ),
                ),
            },
        ],
    ),
};
fn __free_value(value: &str) -> ::oauth_providers::__private::rt::VarValue {
    ::oauth_providers::__private::rt::VarValue::Free(
        ::std::string::ToString::to_string(value),
    )
}
/**A typed OAuth client for Generic OpenID Connect provider.

Any OpenID Connect / OAuth 2.0 server with oidc-provider's endpoint layout under an issuer URL (`/auth`, `/token`, `/token/revocation`, `/device/auth`, `/me`).

Provider documentation: <https://openid.net/specs/openid-connect-core-1_0.html>

# Endpoints

- `authorize`: `GET {issuer}/auth`
- `token`: `POST {issuer}/token`
- `revoke`: `POST {issuer}/token/revocation`
- `device_authorization`: `POST {issuer}/device/auth`
- `api`: `GET {issuer}/me`

# Grants

- authorization code ([`Self::authorize`])
- refresh ([`Self::refresh`])
- client credentials ([`Self::client_credentials`])
- device code ([`Self::device_authorization`])

Client authentication: `basic`. Tokens are sent as `Authorization: Bearer <token>`.*/
#[derive(Clone, Debug)]
pub struct OpenId {
    client: ::oauth_providers::__private::rt::Client,
}
#[doc = concat!("Configures a [`", stringify!(OpenId), "`] client.")]
#[derive(Debug)]
#[must_use]
pub struct OpenIdBuilder {
    inner: ::oauth_providers::__private::rt::ClientBuilder,
}
#[allow(deprecated)]
impl OpenIdBuilder {
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
    ) -> ::std::result::Result<OpenId, ::oauth_providers::__private::rt::Error> {
        ::std::result::Result::Ok(OpenId {
            client: self.inner.build()?,
        })
    }
}
#[allow(deprecated)]
impl OpenId {
    /**Creates a client with the default settings for every optional variable.

Required: `issuer`.*/
    pub fn new(
        credentials: ::oauth_providers::__private::rt::Credentials,
        issuer: &str,
    ) -> ::std::result::Result<Self, ::oauth_providers::__private::rt::Error> {
        Self::builder(credentials, issuer).build()
    }
    /**Starts configuring a Generic OpenID Connect provider client.

Required: `issuer`.*/
    pub fn builder(
        credentials: ::oauth_providers::__private::rt::Credentials,
        issuer: &str,
    ) -> OpenIdBuilder {
        OpenIdBuilder {
            inner: ::oauth_providers::__private::rt::Client::builder(
                    &PROVIDER,
                    credentials,
                )
                .var("issuer", __free_value(issuer)),
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
- PKCE (S256): sent (required by the provider)
- `redirect_uri`: sent (required by the provider)*/
    pub fn authorize(&self) -> OpenIdAuthorize<'_> {
        OpenIdAuthorize {
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
    /**Gets a new access token with the set's refresh token.

The provider may rotate the refresh token: the result carries the new one.*/
    pub async fn refresh(
        &self,
        tokens: &::oauth_providers::__private::rt::TokenSet,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        match &tokens.refresh_token {
            ::std::option::Option::Some(rt) => self.client.refresh(rt, &[]).await,
            ::std::option::Option::None => {
                ::std::result::Result::Err(
                    ::oauth_providers::__private::rt::Error::NoToken(
                        ::std::string::ToString::to_string(
                            "this token set has no refresh token; authorize again",
                        ),
                    ),
                )
            }
        }
    }
    ///The client credentials grant: a token for the client itself.
    pub async fn client_credentials(
        &self,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.client_credentials(&[], &[]).await
    }
    /// The client credentials grant, asking for `scopes`.
    pub async fn client_credentials_with_scopes(
        &self,
        scopes: impl ::std::iter::IntoIterator<Item = scopes::Scope>,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        let scopes: ::std::vec::Vec<::std::string::String> = scopes
            .into_iter()
            .map(|s| ::std::string::ToString::to_string(s.as_str()))
            .collect();
        self.client.client_credentials(&scopes, &[]).await
    }
    /// Starts the device authorization grant (RFC 8628): show the user code and URI.
    pub async fn device_authorization(
        &self,
        scopes: impl ::std::iter::IntoIterator<Item = scopes::Scope>,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::DeviceAuthorization,
        ::oauth_providers::__private::rt::Error,
    > {
        let scopes: ::std::vec::Vec<::std::string::String> = scopes
            .into_iter()
            .map(|s| ::std::string::ToString::to_string(s.as_str()))
            .collect();
        self.client.device_authorization(&scopes).await
    }
    /// Polls until the user approves or denies, honouring the interval and `slow_down`.
    pub async fn poll_device_token(
        &self,
        device: &::oauth_providers::__private::rt::DeviceAuthorization,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.poll_device_token(device).await
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
///Values of the `prompt` authorize parameter: `consent` forces the consent screen (with `offline_access`, needed to get a refresh token), `login` forces a new login, `none` fails instead of showing any page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prompt {
    ///`consent`
    Consent,
    ///`login`
    Login,
    ///`none`
    None,
}
impl Prompt {
    /// The value sent on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Prompt::Consent => "consent",
            Prompt::Login => "login",
            Prompt::None => "none",
        }
    }
}
///An authorization request to Generic OpenID Connect provider; finish it with [`OpenIdAuthorize::url`].
#[derive(Debug)]
#[must_use]
pub struct OpenIdAuthorize<'a> {
    client: &'a ::oauth_providers::__private::rt::Client,
    params: ::oauth_providers::__private::rt::AuthorizeParams,
}
impl OpenIdAuthorize<'_> {
    /// Asks for a scope (repeat for several; they are joined with the provider's
    /// separator).
    pub fn scope(mut self, scope: impl ::std::convert::Into<scopes::Scope>) -> Self {
        self.params
            .scopes
            .push(::std::string::ToString::to_string(scope.into().as_str()));
        self
    }
    /// Asks for several scopes.
    pub fn scopes(
        mut self,
        scopes: impl ::std::iter::IntoIterator<Item = scopes::Scope>,
    ) -> Self {
        self.params
            .scopes
            .extend(
                scopes
                    .into_iter()
                    .map(|s| ::std::string::ToString::to_string(s.as_str())),
            );
        self
    }
    ///Sets `prompt`: `consent` forces the consent screen (with `offline_access`, needed to get a refresh token), `login` forces a new login, `none` fails instead of showing any page.
    pub fn prompt(mut self, value: Prompt) -> Self {
        self.params.extra.retain(|(k, _)| k != "prompt");
        self.params
            .extra
            .push((
                ::std::string::ToString::to_string("prompt"),
                ::std::string::ToString::to_string(value.as_str()),
            ));
        self
    }
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
///The 7 scopes of Generic OpenID Connect provider, one constant each, at paths that mirror `{name}`.
#[allow(non_snake_case, non_upper_case_globals, non_camel_case_types)]
pub mod scopes {
    /**A scope of Generic OpenID Connect provider: only the constants of this module make one, so a scope of another provider is a type error.

Syntax: `{name}`; joined with `" "` in requests.*/
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Scope(&'static str);
    impl Scope {
        /// The scope as the provider spells it.
        pub const fn as_str(self) -> &'static str {
            self.0
        }
        /// How many scopes the catalogue has.
        pub const COUNT: usize = 7usize;
        /// Every scope of the catalogue, sorted.
        pub fn all() -> impl ::std::iter::Iterator<Item = Scope> + ::std::clone::Clone {
            "address\napi_read\nemail\noffline_access\nopenid\nphone\nprofile"
                .split('\n')
                .map(Scope)
        }
        /// The catalogue scope spelled `name`, if there is one (for scopes read from
        /// configuration at run time).
        pub fn find(name: &str) -> ::std::option::Option<Scope> {
            Self::all().find(|s| s.0 == name)
        }
        /// Joins scopes with the provider's separator.
        pub fn join(scopes: &[Scope]) -> ::std::string::String {
            scopes.iter().map(|s| s.0).collect::<::std::vec::Vec<_>>().join(" ")
        }
    }
    impl ::std::fmt::Display for Scope {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.0)
        }
    }
    ///`address`
    pub const address: Scope = Scope("address");
    ///`api_read`
    pub const api_read: Scope = Scope("api_read");
    ///`email`
    pub const email: Scope = Scope("email");
    ///`offline_access`
    pub const offline_access: Scope = Scope("offline_access");
    ///`openid`
    pub const openid: Scope = Scope("openid");
    ///`phone`
    pub const phone: Scope = Scope("phone");
    ///`profile`
    pub const profile: Scope = Scope("profile");
    /// This level of the scope catalogue as fields (see `SCOPES`).
    pub struct Tree {
        ///`address`
        pub address: Scope,
        ///`api_read`
        pub api_read: Scope,
        ///`email`
        pub email: Scope,
        ///`offline_access`
        pub offline_access: Scope,
        ///`openid`
        pub openid: Scope,
        ///`phone`
        pub phone: Scope,
        ///`profile`
        pub profile: Scope,
    }
    /// This level's scopes.
    pub const TREE: Tree = Tree {
        address,
        api_read,
        email,
        offline_access,
        openid,
        phone,
        profile,
    };
}
#[allow(deprecated)]
impl OpenId {
    /// Every scope as a field chain that mirrors the provider's syntax:
    /// `SCOPES.portals.READ`. `scope!(...)` expands to this.
    pub const SCOPES: scopes::Tree = scopes::TREE;
}
///The errors Generic OpenID Connect provider documents, one variant per error rule of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    ///`invalid_grant` (refresh_token_invalid, at token_endpoint): The authorization grant or refresh token is invalid, expired, revoked, does not match the redirect URI, or was issued to another client.
    InvalidGrant,
    ///`invalid_client` (client_invalid, at token_endpoint): Client authentication failed.
    InvalidClient,
    ///`unauthorized_client` (client_invalid, at any): The client is not authorized to use this grant type or response type.
    UnauthorizedClient,
    ///`unsupported_grant_type` (bad_request, at token_endpoint): The server does not support this grant type.
    UnsupportedGrantType,
    ///`authorization_pending` (authorization_pending, at token_endpoint): The user has not finished the device authorization yet.
    AuthorizationPending,
    ///`slow_down` (slow_down, at token_endpoint): Polling too fast; add 5 seconds to the interval.
    SlowDown,
    ///`expired_token` (code_expired, at token_endpoint): The device code expired; start the device authorization again.
    ExpiredToken,
    ///`invalid_request` (bad_request, at any): The request is missing a parameter, repeats one, or is otherwise malformed.
    InvalidRequest,
    ///`invalid_scope` (insufficient_scope, at any): A requested scope is invalid, unknown or malformed.
    InvalidScope,
    ///`access_denied` (access_denied, at any): The user or the server denied the request.
    AccessDenied,
    ///`unsupported_response_type` (bad_request, at authorize): The server does not support this response type.
    UnsupportedResponseType,
    ///`login_required` (access_denied, at authorize): prompt=none, but the user must log in.
    LoginRequired,
    ///`consent_required` (access_denied, at authorize): prompt=none, but the user must consent.
    ConsentRequired,
    ///`interaction_required` (access_denied, at authorize): prompt=none, but the user must interact.
    InteractionRequired,
    ///`server_error` (server_error, at any): The server failed.
    ServerError,
    ///`temporarily_unavailable` (server_error, at any): The server is temporarily unavailable.
    TemporarilyUnavailable,
    ///`unsupported_token_type` (bad_request, at revoke): The server cannot revoke this type of token.
    UnsupportedTokenType,
    ///`invalid_token` (access_token_invalid, at api): The access token is expired, revoked, malformed or otherwise invalid.
    InvalidToken,
    ///`insufficient_scope` (insufficient_scope, at api): The access token lacks the scope this request needs.
    InsufficientScope,
    ///`http_401` (access_token_invalid, at api): HTTP 401 from the API with no recognised body.
    Http401,
}
impl ErrorCode {
    const BY_RULE: [ErrorCode; 20usize] = [
        ErrorCode::InvalidGrant,
        ErrorCode::InvalidClient,
        ErrorCode::UnauthorizedClient,
        ErrorCode::UnsupportedGrantType,
        ErrorCode::AuthorizationPending,
        ErrorCode::SlowDown,
        ErrorCode::ExpiredToken,
        ErrorCode::InvalidRequest,
        ErrorCode::InvalidScope,
        ErrorCode::AccessDenied,
        ErrorCode::UnsupportedResponseType,
        ErrorCode::LoginRequired,
        ErrorCode::ConsentRequired,
        ErrorCode::InteractionRequired,
        ErrorCode::ServerError,
        ErrorCode::TemporarilyUnavailable,
        ErrorCode::UnsupportedTokenType,
        ErrorCode::InvalidToken,
        ErrorCode::InsufficientScope,
        ErrorCode::Http401,
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
            ErrorCode::InvalidGrant => "invalid_grant",
            ErrorCode::InvalidClient => "invalid_client",
            ErrorCode::UnauthorizedClient => "unauthorized_client",
            ErrorCode::UnsupportedGrantType => "unsupported_grant_type",
            ErrorCode::AuthorizationPending => "authorization_pending",
            ErrorCode::SlowDown => "slow_down",
            ErrorCode::ExpiredToken => "expired_token",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::InvalidScope => "invalid_scope",
            ErrorCode::AccessDenied => "access_denied",
            ErrorCode::UnsupportedResponseType => "unsupported_response_type",
            ErrorCode::LoginRequired => "login_required",
            ErrorCode::ConsentRequired => "consent_required",
            ErrorCode::InteractionRequired => "interaction_required",
            ErrorCode::ServerError => "server_error",
            ErrorCode::TemporarilyUnavailable => "temporarily_unavailable",
            ErrorCode::UnsupportedTokenType => "unsupported_token_type",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::InsufficientScope => "insufficient_scope",
            ErrorCode::Http401 => "http_401",
        }
    }
    /// What the error means.
    pub const fn meaning(self) -> ::oauth_providers::__private::rt::ErrorMeaning {
        match self {
            ErrorCode::InvalidGrant => {
                ::oauth_providers::__private::rt::ErrorMeaning::RefreshTokenInvalid
            }
            ErrorCode::InvalidClient => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientInvalid
            }
            ErrorCode::UnauthorizedClient => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientInvalid
            }
            ErrorCode::UnsupportedGrantType => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::AuthorizationPending => {
                ::oauth_providers::__private::rt::ErrorMeaning::AuthorizationPending
            }
            ErrorCode::SlowDown => {
                ::oauth_providers::__private::rt::ErrorMeaning::SlowDown
            }
            ErrorCode::ExpiredToken => {
                ::oauth_providers::__private::rt::ErrorMeaning::CodeExpired
            }
            ErrorCode::InvalidRequest => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::InvalidScope => {
                ::oauth_providers::__private::rt::ErrorMeaning::InsufficientScope
            }
            ErrorCode::AccessDenied => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::UnsupportedResponseType => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::LoginRequired => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::ConsentRequired => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::InteractionRequired => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::ServerError => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::TemporarilyUnavailable => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::UnsupportedTokenType => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::InvalidToken => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
            ErrorCode::InsufficientScope => {
                ::oauth_providers::__private::rt::ErrorMeaning::InsufficientScope
            }
            ErrorCode::Http401 => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
        }
    }
}
