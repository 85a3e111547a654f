// Generated from specs/marketo.yaml by oauth-codegen. Do not edit: run
// `UPDATE_SNAPSHOTS=1 cargo test -p oauth-codegen --test snapshots` and review the diff.

///The resolved definition of Marketo, as the runtime reads it.
pub static PROVIDER: ::oauth_providers::__private::model::ProviderDef = ::oauth_providers::__private::model::ProviderDef {
    name: ::std::borrow::Cow::Borrowed("Marketo"),
    display_name: ::std::borrow::Cow::Borrowed("Marketo"),
    docs_url: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication",
        ),
    ),
    description: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "Marketo Engage REST API. The client id and secret belong to a LaunchPoint \"custom service\" owned by an API-only user; each access token belongs to one custom service and tokens of different services expire independently, so the client id is the natural cache key.",
        ),
    ),
    deprecated: ::std::option::Option::None,
    variables: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::VariableDef {
                name: ::std::borrow::Cow::Borrowed("munchkin_id"),
                description: ::std::borrow::Cow::Borrowed(
                    "The instance's Munchkin id, as in the Identity and REST URLs shown under Admin > Integration > Web Services (`https://<munchkin-id>.mktorest.com/identity`).",
                ),
                kind: ::oauth_providers::__private::model::VariableKind::Free {
                    format: ::std::borrow::Cow::Borrowed("[0-9]{3}-[A-Z]{3}-[0-9]{3}"),
                    example: ::std::option::Option::Some(
                        ::std::borrow::Cow::Borrowed("284-RPR-133"),
                    ),
                    default: ::std::option::Option::None,
                },
            },
        ],
    ),
    endpoints: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("token"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://{munchkin_id}.mktorest.com/identity/oauth/token",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("https://"),
                            ),
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed(
                                    ".mktorest.com/identity/oauth/token",
                                ),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("api"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://{munchkin_id}.mktorest.com",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("https://"),
                            ),
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::None,
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed(".mktorest.com"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
        ],
    ),
    client_auth: ::oauth_providers::__private::model::ClientAuth::Query,
    token_presentation: ::oauth_providers::__private::model::Presentation::Header {
        scheme: ::std::borrow::Cow::Borrowed("Bearer"),
    },
    token_response: ::oauth_providers::__private::model::ResponseDef {
        format: ::oauth_providers::__private::model::ResponseFormat::Json,
        expires_in: ::oauth_providers::__private::model::ExpiresIn::Remaining,
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
        authorization_code: ::std::option::Option::None,
        pin: ::std::option::Option::None,
        refresh_token: ::std::option::Option::None,
        client_credentials: ::std::option::Option::Some(::oauth_providers::__private::model::ClientCredentialsDef {
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            params_in: ::oauth_providers::__private::model::ParamsIn::Query,
            reuses_token: true,
        }),
        device_code: ::std::option::Option::None,
        custom: ::std::borrow::Cow::Borrowed(&[]),
    },
    lifetimes: ::oauth_providers::__private::model::LifetimesDef {
        authorization_code: ::std::option::Option::None,
        pin_code: ::std::option::Option::None,
        access_token: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Secs(3600u64),
        ),
        refresh_token: ::std::option::Option::None,
        refresh_skew_secs: 60u64,
    },
    limits: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::LimitDef::Rate {
                counts: ::oauth_providers::__private::model::Counted::ApiCalls,
                max: 100u32,
                per_secs: 20u64,
                key: ::oauth_providers::__private::model::LimitKey::Instance,
                block_for_secs: ::std::option::Option::None,
                description: ::std::borrow::Cow::Borrowed(
                    "At most 100 API calls per 20 seconds per instance (error 606).",
                ),
            },
            ::oauth_providers::__private::model::LimitDef::Rate {
                counts: ::oauth_providers::__private::model::Counted::ApiCalls,
                max: 50000u32,
                per_secs: 86400u64,
                key: ::oauth_providers::__private::model::LimitKey::Instance,
                block_for_secs: ::std::option::Option::None,
                description: ::std::borrow::Cow::Borrowed(
                    "Daily quota of 50,000 API calls per subscription; resets at 12:00 AM CST (error 607).",
                ),
            },
            ::oauth_providers::__private::model::LimitDef::Cap {
                counts: ::oauth_providers::__private::model::Capped::ConcurrentApiCalls,
                max: 10u32,
                key: ::oauth_providers::__private::model::LimitKey::Instance,
                on_exceed: ::oauth_providers::__private::model::OnExceed::Reject,
                description: ::std::borrow::Cow::Borrowed(
                    "At most 10 API calls in flight at once (error 615).",
                ),
            },
        ],
    ),
    scopes: ::std::option::Option::None,
    errors: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_client"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::Some(401u16),
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
                    ::std::borrow::Cow::Borrowed(
                        "Bad client credentials, or no client with the requested id.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("500"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("500"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Internal server error (may also mean a malformed REST URL).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("502"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("502"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Bad gateway, probably a timeout; retry with exponential backoff.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("601"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("601"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Access token invalid; get a new token from the identity endpoint.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("602"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("602"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenExpired,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Access token expired; get a new token from the identity endpoint.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("603"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("603"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::InsufficientScope,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Access denied: authenticated, but the API user's role lacks the permission, or an IP allowlist is on.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("604"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("604"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Request timed out (database contention, or the header-specified timeout).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("605"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("605"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "HTTP method not supported for this endpoint.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("606"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("606"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RateLimited,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Max rate limit exceeded (more than 100 calls in 20 seconds).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("607"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("607"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::QuotaExhausted,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Daily quota reached; it resets at 12:00 AM CST.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("608"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("608"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("API temporarily unavailable."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("609"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("609"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Invalid JSON."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("610"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("610"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Requested resource not found (bad URI).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("611"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("611"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("System error (unhandled exception)."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("612"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("612"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Invalid content type; send `Content-Type: application/json`.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("613"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("613"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Invalid multipart request."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("614"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("614"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Invalid subscription (usually temporary).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("615"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("615"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RateLimited,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Concurrent access limit reached (more than 10 calls in flight).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("616"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("616"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Invalid subscription type (Custom Object Metadata API).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("701"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("701"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("A required value cannot be blank."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("702"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("702"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "No data found for the given search (many empty searches return success with a warning instead).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("703"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("703"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The feature is not enabled for the subscription.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("704"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("704"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Invalid date format (also an invalid dynamic content id).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("709"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("709"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Business rule violation."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("710"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("710"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Parent folder not found."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("711"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("711"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Incompatible folder type."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("712"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("712"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Merge to person account operation is invalid.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("713"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("713"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Transient error; wait and retry."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("714"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("714"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Unable to find the default record type.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("718"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("718"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("ExternalSalesPersonID not found."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("719"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("success"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Bool(false),
                                ],
                            ),
                        },
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("errors.*.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("719"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::ServerError,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Lock wait timeout (Clone Program); retry later.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("http_413"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::Some(413u16),
                when: ::std::borrow::Cow::Borrowed(&[]),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Request entity too large (1 MB for standard calls, 10 MB for bulk and Import Lead).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("http_414"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::Some(414u16),
                when: ::std::borrow::Cow::Borrowed(&[]),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Request URI too long (8 KB); resend as POST with `_method=GET` in the URL and the query string in the body.",
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
/**A typed OAuth client for Marketo.

Marketo Engage REST API. The client id and secret belong to a LaunchPoint "custom service" owned by an API-only user; each access token belongs to one custom service and tokens of different services expire independently, so the client id is the natural cache key.

Provider documentation: <https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication>

# Endpoints

- `token`: `GET https://{munchkin_id}.mktorest.com/identity/oauth/token`
- `api`: `GET https://{munchkin_id}.mktorest.com`

# Grants

- client credentials ([`Self::client_credentials`])

This provider issues no refresh tokens.

Client authentication: `query`. Tokens are sent as `Authorization: Bearer <token>`.

# Lifetimes

- access token: 1 hour

The runtime renews tokens 1 minute before they expire.

# Limits

- at most 100 api calls per 20 seconds per instance: At most 100 API calls per 20 seconds per instance (error 606).
- at most 50000 api calls per 1 day per instance: Daily quota of 50,000 API calls per subscription; resets at 12:00 AM CST (error 607).
- at most 10 concurrent api calls per instance (past it: reject): At most 10 API calls in flight at once (error 615).*/
#[derive(Clone, Debug)]
pub struct Marketo {
    client: ::oauth_providers::__private::rt::Client,
}
#[doc = concat!("Configures a [`", stringify!(Marketo), "`] client.")]
#[derive(Debug)]
#[must_use]
pub struct MarketoBuilder {
    inner: ::oauth_providers::__private::rt::ClientBuilder,
}
#[allow(deprecated)]
impl MarketoBuilder {
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
    ) -> ::std::result::Result<Marketo, ::oauth_providers::__private::rt::Error> {
        ::std::result::Result::Ok(Marketo {
            client: self.inner.build()?,
        })
    }
}
#[allow(deprecated)]
impl Marketo {
    /**Creates a client with the default settings for every optional variable.

Required: `munchkin_id`.*/
    pub fn new(
        credentials: ::oauth_providers::__private::rt::Credentials,
        munchkin_id: &str,
    ) -> ::std::result::Result<Self, ::oauth_providers::__private::rt::Error> {
        Self::builder(credentials, munchkin_id).build()
    }
    /**Starts configuring a Marketo client.

Required: `munchkin_id`.*/
    pub fn builder(
        credentials: ::oauth_providers::__private::rt::Credentials,
        munchkin_id: &str,
    ) -> MarketoBuilder {
        MarketoBuilder {
            inner: ::oauth_providers::__private::rt::Client::builder(
                    &PROVIDER,
                    credentials,
                )
                .var("munchkin_id", __free_value(munchkin_id)),
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
    /**The client credentials grant: a token for the client itself.

The provider hands back the same token until it expires, with its remaining lifetime; asking again before expiry does not mint a new one.*/
    pub async fn client_credentials(
        &self,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client.client_credentials(&[], &[]).await
    }
}
///The errors Marketo documents, one variant per error rule of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    ///`invalid_client` (client_invalid, at token_endpoint): Bad client credentials, or no client with the requested id.
    InvalidClient,
    ///`500` (server_error, at api): Internal server error (may also mean a malformed REST URL).
    E500,
    ///`502` (server_error, at api): Bad gateway, probably a timeout; retry with exponential backoff.
    E502,
    ///`601` (access_token_invalid, at api): Access token invalid; get a new token from the identity endpoint.
    E601,
    ///`602` (access_token_expired, at api): Access token expired; get a new token from the identity endpoint.
    E602,
    ///`603` (insufficient_scope, at api): Access denied: authenticated, but the API user's role lacks the permission, or an IP allowlist is on.
    E603,
    ///`604` (server_error, at api): Request timed out (database contention, or the header-specified timeout).
    E604,
    ///`605` (bad_request, at api): HTTP method not supported for this endpoint.
    E605,
    ///`606` (rate_limited, at api): Max rate limit exceeded (more than 100 calls in 20 seconds).
    E606,
    ///`607` (quota_exhausted, at api): Daily quota reached; it resets at 12:00 AM CST.
    E607,
    ///`608` (server_error, at api): API temporarily unavailable.
    E608,
    ///`609` (bad_request, at api): Invalid JSON.
    E609,
    ///`610` (bad_request, at api): Requested resource not found (bad URI).
    E610,
    ///`611` (server_error, at api): System error (unhandled exception).
    E611,
    ///`612` (bad_request, at api): Invalid content type; send `Content-Type: application/json`.
    E612,
    ///`613` (bad_request, at api): Invalid multipart request.
    E613,
    ///`614` (server_error, at api): Invalid subscription (usually temporary).
    E614,
    ///`615` (rate_limited, at api): Concurrent access limit reached (more than 10 calls in flight).
    E615,
    ///`616` (bad_request, at api): Invalid subscription type (Custom Object Metadata API).
    E616,
    ///`701` (bad_request, at api): A required value cannot be blank.
    E701,
    ///`702` (bad_request, at api): No data found for the given search (many empty searches return success with a warning instead).
    E702,
    ///`703` (access_denied, at api): The feature is not enabled for the subscription.
    E703,
    ///`704` (bad_request, at api): Invalid date format (also an invalid dynamic content id).
    E704,
    ///`709` (bad_request, at api): Business rule violation.
    E709,
    ///`710` (bad_request, at api): Parent folder not found.
    E710,
    ///`711` (bad_request, at api): Incompatible folder type.
    E711,
    ///`712` (bad_request, at api): Merge to person account operation is invalid.
    E712,
    ///`713` (server_error, at api): Transient error; wait and retry.
    E713,
    ///`714` (bad_request, at api): Unable to find the default record type.
    E714,
    ///`718` (bad_request, at api): ExternalSalesPersonID not found.
    E718,
    ///`719` (server_error, at api): Lock wait timeout (Clone Program); retry later.
    E719,
    ///`http_413` (bad_request, at api): Request entity too large (1 MB for standard calls, 10 MB for bulk and Import Lead).
    Http413,
    ///`http_414` (bad_request, at api): Request URI too long (8 KB); resend as POST with `_method=GET` in the URL and the query string in the body.
    Http414,
}
impl ErrorCode {
    const BY_RULE: [ErrorCode; 33usize] = [
        ErrorCode::InvalidClient,
        ErrorCode::E500,
        ErrorCode::E502,
        ErrorCode::E601,
        ErrorCode::E602,
        ErrorCode::E603,
        ErrorCode::E604,
        ErrorCode::E605,
        ErrorCode::E606,
        ErrorCode::E607,
        ErrorCode::E608,
        ErrorCode::E609,
        ErrorCode::E610,
        ErrorCode::E611,
        ErrorCode::E612,
        ErrorCode::E613,
        ErrorCode::E614,
        ErrorCode::E615,
        ErrorCode::E616,
        ErrorCode::E701,
        ErrorCode::E702,
        ErrorCode::E703,
        ErrorCode::E704,
        ErrorCode::E709,
        ErrorCode::E710,
        ErrorCode::E711,
        ErrorCode::E712,
        ErrorCode::E713,
        ErrorCode::E714,
        ErrorCode::E718,
        ErrorCode::E719,
        ErrorCode::Http413,
        ErrorCode::Http414,
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
            ErrorCode::InvalidClient => "invalid_client",
            ErrorCode::E500 => "500",
            ErrorCode::E502 => "502",
            ErrorCode::E601 => "601",
            ErrorCode::E602 => "602",
            ErrorCode::E603 => "603",
            ErrorCode::E604 => "604",
            ErrorCode::E605 => "605",
            ErrorCode::E606 => "606",
            ErrorCode::E607 => "607",
            ErrorCode::E608 => "608",
            ErrorCode::E609 => "609",
            ErrorCode::E610 => "610",
            ErrorCode::E611 => "611",
            ErrorCode::E612 => "612",
            ErrorCode::E613 => "613",
            ErrorCode::E614 => "614",
            ErrorCode::E615 => "615",
            ErrorCode::E616 => "616",
            ErrorCode::E701 => "701",
            ErrorCode::E702 => "702",
            ErrorCode::E703 => "703",
            ErrorCode::E704 => "704",
            ErrorCode::E709 => "709",
            ErrorCode::E710 => "710",
            ErrorCode::E711 => "711",
            ErrorCode::E712 => "712",
            ErrorCode::E713 => "713",
            ErrorCode::E714 => "714",
            ErrorCode::E718 => "718",
            ErrorCode::E719 => "719",
            ErrorCode::Http413 => "http_413",
            ErrorCode::Http414 => "http_414",
        }
    }
    /// What the error means.
    pub const fn meaning(self) -> ::oauth_providers::__private::rt::ErrorMeaning {
        match self {
            ErrorCode::InvalidClient => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientInvalid
            }
            ErrorCode::E500 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E502 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E601 => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
            ErrorCode::E602 => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenExpired
            }
            ErrorCode::E603 => {
                ::oauth_providers::__private::rt::ErrorMeaning::InsufficientScope
            }
            ErrorCode::E604 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E605 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E606 => {
                ::oauth_providers::__private::rt::ErrorMeaning::RateLimited
            }
            ErrorCode::E607 => {
                ::oauth_providers::__private::rt::ErrorMeaning::QuotaExhausted
            }
            ErrorCode::E608 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E609 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E610 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E611 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E612 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E613 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E614 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E615 => {
                ::oauth_providers::__private::rt::ErrorMeaning::RateLimited
            }
            ErrorCode::E616 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E701 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E702 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E703 => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::E704 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E709 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E710 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E711 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E712 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E713 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::E714 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E718 => ::oauth_providers::__private::rt::ErrorMeaning::BadRequest,
            ErrorCode::E719 => {
                ::oauth_providers::__private::rt::ErrorMeaning::ServerError
            }
            ErrorCode::Http413 => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::Http414 => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
        }
    }
}
