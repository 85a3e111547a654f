// Generated from specs/zoho_projects.yaml by oauth-codegen. Do not edit: run
// `UPDATE_SNAPSHOTS=1 cargo test -p oauth-codegen --test snapshots` and review the diff.

///The resolved definition of Zoho Projects, as the runtime reads it.
pub static PROVIDER: ::oauth_providers::__private::model::ProviderDef = ::oauth_providers::__private::model::ProviderDef {
    name: ::std::borrow::Cow::Borrowed("ZohoProjects"),
    display_name: ::std::borrow::Cow::Borrowed("Zoho Projects"),
    docs_url: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "https://www.zoho.com/projects/developers/zohoprojectsapi.html",
        ),
    ),
    description: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "Zoho Projects REST API with Zoho Accounts OAuth 2.0. Tokens carrying `ZohoProjects.*` scopes do not work against Zoho BugTracker (`ZohoBugTracker.*`, bugtracker.zoho.com), and the reverse.",
        ),
    ),
    deprecated: ::std::option::Option::None,
    variables: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::VariableDef {
                name: ::std::borrow::Cow::Borrowed("data_center"),
                description: ::std::borrow::Cow::Borrowed(
                    "The Zoho data centre that holds the user's account. After authorization Zoho names it in the redirect (`location=us`, `accounts-server=https%3A%2F%2Faccounts.zoho.com`); token requests must go to that data centre's accounts server. Multi-DC must be switched on for the client in the API console (with \"same OAuth credentials for all DCs\" off, each DC has its own client secret).",
                ),
                kind: ::oauth_providers::__private::model::VariableKind::Choice {
                    properties: ::std::borrow::Cow::Borrowed(
                        &[
                            ::std::borrow::Cow::Borrowed("accounts"),
                            ::std::borrow::Cow::Borrowed("api_domain"),
                            ::std::borrow::Cow::Borrowed("tld"),
                        ],
                    ),
                    choices: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("us"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("United States"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed("https://accounts.zoho.com"),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.com"),
                                        ::std::borrow::Cow::Borrowed("com"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("eu"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("Europe"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed("https://accounts.zoho.eu"),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.eu"),
                                        ::std::borrow::Cow::Borrowed("eu"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("in"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("India"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed("https://accounts.zoho.in"),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.in"),
                                        ::std::borrow::Cow::Borrowed("in"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("au"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("Australia"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed(
                                            "https://accounts.zoho.com.au",
                                        ),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.com.au"),
                                        ::std::borrow::Cow::Borrowed("com.au"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("jp"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("Japan"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed("https://accounts.zoho.jp"),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.jp"),
                                        ::std::borrow::Cow::Borrowed("jp"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("ca"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("Canada"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed(
                                            "https://accounts.zohocloud.ca",
                                        ),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.ca"),
                                        ::std::borrow::Cow::Borrowed("ca"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("sa"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("Saudi Arabia"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed("https://accounts.zoho.sa"),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.sa"),
                                        ::std::borrow::Cow::Borrowed("sa"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("uk"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("United Kingdom"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed("https://accounts.zoho.uk"),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.uk"),
                                        ::std::borrow::Cow::Borrowed("uk"),
                                    ],
                                ),
                            },
                            ::oauth_providers::__private::model::ChoiceDef {
                                key: ::std::borrow::Cow::Borrowed("cn"),
                                label: ::std::option::Option::Some(
                                    ::std::borrow::Cow::Borrowed("China"),
                                ),
                                values: ::std::borrow::Cow::Borrowed(
                                    &[
                                        ::std::borrow::Cow::Borrowed(
                                            "https://accounts.zoho.com.cn",
                                        ),
                                        ::std::borrow::Cow::Borrowed("https://www.zohoapis.com.cn"),
                                        ::std::borrow::Cow::Borrowed("com.cn"),
                                    ],
                                ),
                            },
                        ],
                    ),
                    default: ::std::option::Option::Some(0usize),
                },
            },
        ],
    ),
    endpoints: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("api"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "https://projectsapi.zoho.{data_center.tld}",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("https://projectsapi.zoho."),
                            ),
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::Some(2usize),
                            },
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("authorize"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "{data_center.accounts}/oauth/v2/auth",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::Some(0usize),
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/oauth/v2/auth"),
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
                        "{data_center.accounts}/oauth/v2/token",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::Some(0usize),
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/oauth/v2/token"),
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
                        "{data_center.accounts}/oauth/v2/token/revoke",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::Some(0usize),
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/oauth/v2/token/revoke"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Post,
            },
        ],
    ),
    client_auth: ::oauth_providers::__private::model::ClientAuth::Query,
    token_presentation: ::oauth_providers::__private::model::Presentation::Header {
        scheme: ::std::borrow::Cow::Borrowed("Zoho-oauthtoken"),
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
            &[::std::borrow::Cow::Borrowed("api_domain")],
        ),
        scope_separator: ::std::borrow::Cow::Borrowed(" "),
        success_when: ::std::option::Option::None,
    },
    grants: ::oauth_providers::__private::model::GrantsDef {
        authorization_code: ::std::option::Option::Some(::oauth_providers::__private::model::AuthorizationCodeDef {
            authorize_endpoint: ::std::borrow::Cow::Borrowed("authorize"),
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            state: ::oauth_providers::__private::model::Requirement::Optional,
            pkce: ::oauth_providers::__private::model::Requirement::Unsupported,
            redirect_uri: ::oauth_providers::__private::model::Requirement::Required,
            extra_params: ::std::borrow::Cow::Borrowed(
                &[
                    ::oauth_providers::__private::model::ExtraParamDef {
                        name: ::std::borrow::Cow::Borrowed("access_type"),
                        description: ::std::borrow::Cow::Borrowed(
                            "`online` returns an access token only; `offline` also returns a refresh token. With `offline` alone the refresh token comes back only on the first grant: add `prompt=consent` to get another one.",
                        ),
                        values: ::std::borrow::Cow::Borrowed(
                            &[
                                ::std::borrow::Cow::Borrowed("online"),
                                ::std::borrow::Cow::Borrowed("offline"),
                            ],
                        ),
                        default: ::std::option::Option::Some(
                            ::std::borrow::Cow::Borrowed("online"),
                        ),
                    },
                    ::oauth_providers::__private::model::ExtraParamDef {
                        name: ::std::borrow::Cow::Borrowed("prompt"),
                        description: ::std::borrow::Cow::Borrowed(
                            "`consent` shows the consent screen every time (needed with `access_type=offline` to get a further refresh token).",
                        ),
                        values: ::std::borrow::Cow::Borrowed(
                            &[::std::borrow::Cow::Borrowed("consent")],
                        ),
                        default: ::std::option::Option::None,
                    },
                ],
            ),
            callback_params: ::std::borrow::Cow::Borrowed(
                &[
                    ::oauth_providers::__private::model::CallbackParamDef {
                        name: ::std::borrow::Cow::Borrowed("accounts-server"),
                        variable: 0usize,
                        by_property: ::std::option::Option::Some(0usize),
                    },
                    ::oauth_providers::__private::model::CallbackParamDef {
                        name: ::std::borrow::Cow::Borrowed("location"),
                        variable: 0usize,
                        by_property: ::std::option::Option::None,
                    },
                ],
            ),
            code_length: ::std::option::Option::None,
        }),
        pin: ::std::option::Option::None,
        refresh_token: ::std::option::Option::Some(::oauth_providers::__private::model::RefreshDef {
            token_endpoint: ::std::borrow::Cow::Borrowed("token"),
            rotates: false,
            send_scope: false,
        }),
        client_credentials: ::std::option::Option::None,
        device_code: ::std::option::Option::None,
        custom: ::std::borrow::Cow::Borrowed(&[]),
    },
    lifetimes: ::oauth_providers::__private::model::LifetimesDef {
        authorization_code: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Secs(120u64),
        ),
        pin_code: ::std::option::Option::None,
        access_token: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Secs(3600u64),
        ),
        refresh_token: ::std::option::Option::Some(
            ::oauth_providers::__private::model::Lifetime::Never,
        ),
        refresh_skew_secs: 60u64,
    },
    limits: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::LimitDef::Cap {
                counts: ::oauth_providers::__private::model::Capped::RefreshTokens,
                max: 20u32,
                key: ::oauth_providers::__private::model::LimitKey::User,
                on_exceed: ::oauth_providers::__private::model::OnExceed::Reject,
                description: ::std::borrow::Cow::Borrowed(
                    "A user can hold at most 20 refresh tokens; past that the token request fails with \"Access Denied\". Revoke old refresh tokens before making new ones.",
                ),
            },
            ::oauth_providers::__private::model::LimitDef::Cap {
                counts: ::oauth_providers::__private::model::Capped::AccessTokens,
                max: 30u32,
                key: ::oauth_providers::__private::model::LimitKey::RefreshToken,
                on_exceed: ::oauth_providers::__private::model::OnExceed::EvictOldest,
                description: ::std::borrow::Cow::Borrowed(
                    "Each refresh token can have at most 30 active access tokens; minting the 31st deletes the oldest, whether or not it was still valid.",
                ),
            },
            ::oauth_providers::__private::model::LimitDef::Rate {
                counts: ::oauth_providers::__private::model::Counted::AuthorizationCodes,
                max: 4u32,
                per_secs: 60u64,
                key: ::oauth_providers::__private::model::LimitKey::Client,
                block_for_secs: ::std::option::Option::Some(600u64),
                description: ::std::borrow::Cow::Borrowed(
                    "A user can generate four authorization codes per minute for a client id; after that access is blocked for the next ten minutes.",
                ),
            },
        ],
    ),
    scopes: ::std::option::Option::Some(::oauth_providers::__private::model::ScopesDef {
        required: true,
        separator: ::std::borrow::Cow::Borrowed(","),
        syntax: ::std::borrow::Cow::Borrowed("ZohoProjects.{module}.{operation}"),
        placeholders: ::std::borrow::Cow::Borrowed(
            &[
                ::std::borrow::Cow::Borrowed("module"),
                ::std::borrow::Cow::Borrowed("operation"),
            ],
        ),
        catalogue: ::oauth_providers::__private::model::Catalogue::from_joined(
            "ZohoProjects.activities.ALL\nZohoProjects.activities.CREATE\nZohoProjects.activities.DELETE\nZohoProjects.activities.READ\nZohoProjects.activities.UPDATE\nZohoProjects.bugs.ALL\nZohoProjects.bugs.CREATE\nZohoProjects.bugs.DELETE\nZohoProjects.bugs.READ\nZohoProjects.bugs.UPDATE\nZohoProjects.calendar.ALL\nZohoProjects.calendar.CREATE\nZohoProjects.calendar.DELETE\nZohoProjects.calendar.READ\nZohoProjects.calendar.UPDATE\nZohoProjects.clients.ALL\nZohoProjects.clients.CREATE\nZohoProjects.clients.DELETE\nZohoProjects.clients.READ\nZohoProjects.clients.UPDATE\nZohoProjects.custom_fields.READ\nZohoProjects.documents.CREATE\nZohoProjects.documents.READ\nZohoProjects.entity_properties.ALL\nZohoProjects.entity_properties.CREATE\nZohoProjects.entity_properties.DELETE\nZohoProjects.entity_properties.READ\nZohoProjects.entity_properties.UPDATE\nZohoProjects.events.ALL\nZohoProjects.events.CREATE\nZohoProjects.events.DELETE\nZohoProjects.events.READ\nZohoProjects.events.UPDATE\nZohoProjects.feeds.ALL\nZohoProjects.feeds.CREATE\nZohoProjects.feeds.DELETE\nZohoProjects.feeds.READ\nZohoProjects.feeds.UPDATE\nZohoProjects.forums.ALL\nZohoProjects.forums.CREATE\nZohoProjects.forums.DELETE\nZohoProjects.forums.READ\nZohoProjects.forums.UPDATE\nZohoProjects.integrations.ALL\nZohoProjects.integrations.CREATE\nZohoProjects.integrations.DELETE\nZohoProjects.integrations.READ\nZohoProjects.integrations.UPDATE\nZohoProjects.milestones.ALL\nZohoProjects.milestones.CREATE\nZohoProjects.milestones.DELETE\nZohoProjects.milestones.READ\nZohoProjects.milestones.UPDATE\nZohoProjects.portals.ALL\nZohoProjects.portals.CREATE\nZohoProjects.portals.DELETE\nZohoProjects.portals.READ\nZohoProjects.portals.UPDATE\nZohoProjects.projectgroups.ALL\nZohoProjects.projectgroups.CREATE\nZohoProjects.projectgroups.DELETE\nZohoProjects.projectgroups.READ\nZohoProjects.projectgroups.UPDATE\nZohoProjects.projects.ALL\nZohoProjects.projects.CREATE\nZohoProjects.projects.DELETE\nZohoProjects.projects.READ\nZohoProjects.projects.UPDATE\nZohoProjects.search.READ\nZohoProjects.status.ALL\nZohoProjects.status.CREATE\nZohoProjects.status.DELETE\nZohoProjects.status.READ\nZohoProjects.status.UPDATE\nZohoProjects.tags.ALL\nZohoProjects.tags.CREATE\nZohoProjects.tags.DELETE\nZohoProjects.tags.READ\nZohoProjects.tags.UPDATE\nZohoProjects.tasklists.ALL\nZohoProjects.tasklists.CREATE\nZohoProjects.tasklists.DELETE\nZohoProjects.tasklists.READ\nZohoProjects.tasklists.UPDATE\nZohoProjects.tasks.ALL\nZohoProjects.tasks.CREATE\nZohoProjects.tasks.DELETE\nZohoProjects.tasks.READ\nZohoProjects.tasks.UPDATE\nZohoProjects.timesheets.ALL\nZohoProjects.timesheets.CREATE\nZohoProjects.timesheets.DELETE\nZohoProjects.timesheets.READ\nZohoProjects.timesheets.UPDATE\nZohoProjects.users.ALL\nZohoProjects.users.CREATE\nZohoProjects.users.DELETE\nZohoProjects.users.READ\nZohoProjects.users.UPDATE",
        ),
        default: ::std::borrow::Cow::Borrowed(&[]),
    }),
    errors: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("http_429"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::Some(429u16),
                when: ::std::borrow::Cow::Borrowed(&[]),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RateLimited,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Too many API calls."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_code"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_code"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::CodeInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The grant code has expired (codes live 2 minutes) or was already used; also returned on refresh with a wrong or revoked refresh token.",
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
                    ::std::borrow::Cow::Borrowed(
                        "Bad client id or secret, or a data-centre mismatch (client or code from one DC, token requested at another), or the wrong per-DC secret when multi-DC is on.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_client_secret"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_client_secret"),
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
                code: ::std::borrow::Cow::Borrowed("invalid_redirect_uri"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_redirect_uri"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The redirect URI does not match the one registered for the client.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("access_denied_throttled"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("Access Denied"),
                                    ),
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("拒绝访问"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RateLimited,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "\"Access Denied\": too many requests (token or code throttle), or a limit such as 20 refresh tokens per user was passed.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("access_denied"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
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
                        "Access denied (the user refused, or the grant-code limit was passed).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("missing_org_info"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("missing_org_info"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::BadRequest,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "A client-credentials request without the `soid` the client needs.",
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
                        "The user has not finished authorizing the device yet.",
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
                        "Two polls arrived within 30 seconds; poll at most once per 30 seconds.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("revoke_invalid_token"),
                at: ::oauth_providers::__private::model::ErrorSite::Revoke,
                status: ::std::option::Option::Some(400u16),
                when: ::std::borrow::Cow::Borrowed(&[]),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RefreshTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The token to revoke is not valid (already revoked or unknown).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("invalid_oauth_token"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("error"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("invalid_oauth_token"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenExpired,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Invalid OAuth access token (the access token has expired; they live 1 hour).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("INVALID_TOKEN"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("INVALID_TOKEN"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenExpired,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "invalid oauth token (expired or otherwise not valid).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("INVALID_OAUTHTOKEN"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("INVALID_OAUTHTOKEN"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The access token was invalidated (evicted past the per-refresh-token cap, deleted, or issued in another data centre).",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("AUTHENTICATION_FAILURE"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("AUTHENTICATION_FAILURE"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Authentication failed."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("OAUTH_SCOPE_MISMATCH"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("OAUTH_SCOPE_MISMATCH"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::InsufficientScope,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The access token lacks the scope this API needs.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("NO_PERMISSION"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("NO_PERMISSION"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::InsufficientScope,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The user has no permission for this operation.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("UNAUTHORIZED"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("UNAUTHORIZED"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Unauthorized."),
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
/**The Zoho data centre that holds the user's account. After authorization Zoho names it in the redirect (`location=us`, `accounts-server=https%3A%2F%2Faccounts.zoho.com`); token requests must go to that data centre's accounts server. Multi-DC must be switched on for the client in the API console (with "same OAuth credentials for all DCs" off, each DC has its own client secret).

Used in endpoint templates as `{data_center}`.*/
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataCenter {
    /**United States (`us`)
- accounts: `https://accounts.zoho.com`
- api_domain: `https://www.zohoapis.com`
- tld: `com`*/
    Us,
    /**Europe (`eu`)
- accounts: `https://accounts.zoho.eu`
- api_domain: `https://www.zohoapis.eu`
- tld: `eu`*/
    Eu,
    /**India (`in`)
- accounts: `https://accounts.zoho.in`
- api_domain: `https://www.zohoapis.in`
- tld: `in`*/
    In,
    /**Australia (`au`)
- accounts: `https://accounts.zoho.com.au`
- api_domain: `https://www.zohoapis.com.au`
- tld: `com.au`*/
    Au,
    /**Japan (`jp`)
- accounts: `https://accounts.zoho.jp`
- api_domain: `https://www.zohoapis.jp`
- tld: `jp`*/
    Jp,
    /**Canada (`ca`)
- accounts: `https://accounts.zohocloud.ca`
- api_domain: `https://www.zohoapis.ca`
- tld: `ca`*/
    Ca,
    /**Saudi Arabia (`sa`)
- accounts: `https://accounts.zoho.sa`
- api_domain: `https://www.zohoapis.sa`
- tld: `sa`*/
    Sa,
    /**United Kingdom (`uk`)
- accounts: `https://accounts.zoho.uk`
- api_domain: `https://www.zohoapis.uk`
- tld: `uk`*/
    Uk,
    /**China (`cn`)
- accounts: `https://accounts.zoho.com.cn`
- api_domain: `https://www.zohoapis.com.cn`
- tld: `com.cn`*/
    Cn,
}
impl DataCenter {
    /// Every value.
    pub const ALL: &'static [DataCenter] = &[
        DataCenter::Us,
        DataCenter::Eu,
        DataCenter::In,
        DataCenter::Au,
        DataCenter::Jp,
        DataCenter::Ca,
        DataCenter::Sa,
        DataCenter::Uk,
        DataCenter::Cn,
    ];
    /// The value as written in the spec.
    pub const fn key(self) -> &'static str {
        match self {
            DataCenter::Us => "us",
            DataCenter::Eu => "eu",
            DataCenter::In => "in",
            DataCenter::Au => "au",
            DataCenter::Jp => "jp",
            DataCenter::Ca => "ca",
            DataCenter::Sa => "sa",
            DataCenter::Uk => "uk",
            DataCenter::Cn => "cn",
        }
    }
    /// The value written `key` in the spec, if there is one.
    pub fn from_key(key: &str) -> ::std::option::Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
    fn value(self) -> ::oauth_providers::__private::rt::VarValue {
        ::oauth_providers::__private::rt::VarValue::Choice(self as usize)
    }
}
impl ::std::default::Default for DataCenter {
    fn default() -> Self {
        DataCenter::Us
    }
}
/**A typed OAuth client for Zoho Projects.

Zoho Projects REST API with Zoho Accounts OAuth 2.0. Tokens carrying `ZohoProjects.*` scopes do not work against Zoho BugTracker (`ZohoBugTracker.*`, bugtracker.zoho.com), and the reverse.

Provider documentation: <https://www.zoho.com/projects/developers/zohoprojectsapi.html>

# Endpoints

- `api`: `GET https://projectsapi.zoho.{data_center.tld}`
- `authorize`: `GET {data_center.accounts}/oauth/v2/auth`
- `token`: `POST {data_center.accounts}/oauth/v2/token`
- `revoke`: `POST {data_center.accounts}/oauth/v2/token/revoke`

# Grants

- authorization code ([`Self::authorize`])
- refresh ([`Self::refresh`])

Client authentication: `query`. Tokens are sent as `Authorization: Zoho-oauthtoken <token>`.

# Lifetimes

- authorization code: 2 minutes
- access token: 1 hour
- refresh token: never expires

The runtime renews tokens 1 minute before they expire.

# Limits

- at most 20 refresh tokens per user (past it: reject): A user can hold at most 20 refresh tokens; past that the token request fails with "Access Denied". Revoke old refresh tokens before making new ones.
- at most 30 access tokens per refresh token (past it: evict oldest): Each refresh token can have at most 30 active access tokens; minting the 31st deletes the oldest, whether or not it was still valid.
- at most 4 authorization codes per 1 minute per client, then blocked for 10 minutes: A user can generate four authorization codes per minute for a client id; after that access is blocked for the next ten minutes.*/
#[derive(Clone, Debug)]
pub struct ZohoProjects {
    client: ::oauth_providers::__private::rt::Client,
}
#[doc = concat!("Configures a [`", stringify!(ZohoProjects), "`] client.")]
#[derive(Debug)]
#[must_use]
pub struct ZohoProjectsBuilder {
    inner: ::oauth_providers::__private::rt::ClientBuilder,
}
#[allow(deprecated)]
impl ZohoProjectsBuilder {
    /**Sets `data_center`: The Zoho data centre that holds the user's account. After authorization Zoho names it in the redirect (`location=us`, `accounts-server=https%3A%2F%2Faccounts.zoho.com`); token requests must go to that data centre's accounts server. Multi-DC must be switched on for the client in the API console (with "same OAuth credentials for all DCs" off, each DC has its own client secret).

Default: `us`.*/
    pub fn data_center(mut self, value: DataCenter) -> Self {
        self.inner = self.inner.var("data_center", value.value());
        self
    }
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
    ) -> ::std::result::Result<ZohoProjects, ::oauth_providers::__private::rt::Error> {
        ::std::result::Result::Ok(ZohoProjects {
            client: self.inner.build()?,
        })
    }
}
#[allow(deprecated)]
impl ZohoProjects {
    ///Creates a client with the default settings for every optional variable.
    pub fn new(
        credentials: ::oauth_providers::__private::rt::Credentials,
    ) -> ::std::result::Result<Self, ::oauth_providers::__private::rt::Error> {
        Self::builder(credentials).build()
    }
    ///Starts configuring a Zoho Projects client.
    pub fn builder(
        credentials: ::oauth_providers::__private::rt::Credentials,
    ) -> ZohoProjectsBuilder {
        ZohoProjectsBuilder {
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

- `state`: sent (optional for the provider)
- PKCE (S256): not supported by the provider
- `redirect_uri`: sent (required by the provider)

The code lives 2 minutes: exchange it promptly.

At least one scope is required.*/
    pub fn authorize(&self) -> ZohoProjectsAuthorize<'_> {
        ZohoProjectsAuthorize {
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

The provider keeps the refresh token: the result carries the old one.

Mind the cap: at most 30 access tokens per refresh token (past it: evict oldest): Each refresh token can have at most 30 active access tokens; minting the 31st deletes the oldest, whether or not it was still valid..*/
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
/**Values of the `access_type` authorize parameter: `online` returns an access token only; `offline` also returns a refresh token. With `offline` alone the refresh token comes back only on the first grant: add `prompt=consent` to get another one.

The provider's default: `online`.*/
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessType {
    ///`online`
    Online,
    ///`offline`
    Offline,
}
impl AccessType {
    /// The value sent on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            AccessType::Online => "online",
            AccessType::Offline => "offline",
        }
    }
}
///Values of the `prompt` authorize parameter: `consent` shows the consent screen every time (needed with `access_type=offline` to get a further refresh token).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prompt {
    ///`consent`
    Consent,
}
impl Prompt {
    /// The value sent on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Prompt::Consent => "consent",
        }
    }
}
///An authorization request to Zoho Projects; finish it with [`ZohoProjectsAuthorize::url`].
#[derive(Debug)]
#[must_use]
pub struct ZohoProjectsAuthorize<'a> {
    client: &'a ::oauth_providers::__private::rt::Client,
    params: ::oauth_providers::__private::rt::AuthorizeParams,
}
impl ZohoProjectsAuthorize<'_> {
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
    ///Sets `access_type`: `online` returns an access token only; `offline` also returns a refresh token. With `offline` alone the refresh token comes back only on the first grant: add `prompt=consent` to get another one.
    pub fn access_type(mut self, value: AccessType) -> Self {
        self.params.extra.retain(|(k, _)| k != "access_type");
        self.params
            .extra
            .push((
                ::std::string::ToString::to_string("access_type"),
                ::std::string::ToString::to_string(value.as_str()),
            ));
        self
    }
    ///Sets `prompt`: `consent` shows the consent screen every time (needed with `access_type=offline` to get a further refresh token).
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
///The 99 scopes of Zoho Projects, one constant each, at paths that mirror `ZohoProjects.{module}.{operation}`.
#[allow(non_snake_case, non_upper_case_globals, non_camel_case_types)]
pub mod scopes {
    /**A scope of Zoho Projects: only the constants of this module make one, so a scope of another provider is a type error.

Syntax: `ZohoProjects.{module}.{operation}`; joined with `","` in requests.*/
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Scope(&'static str);
    impl Scope {
        /// The scope as the provider spells it.
        pub const fn as_str(self) -> &'static str {
            self.0
        }
        /// How many scopes the catalogue has.
        pub const COUNT: usize = 99usize;
        /// Every scope of the catalogue, sorted.
        pub fn all() -> impl ::std::iter::Iterator<Item = Scope> + ::std::clone::Clone {
            "ZohoProjects.activities.ALL\nZohoProjects.activities.CREATE\nZohoProjects.activities.DELETE\nZohoProjects.activities.READ\nZohoProjects.activities.UPDATE\nZohoProjects.bugs.ALL\nZohoProjects.bugs.CREATE\nZohoProjects.bugs.DELETE\nZohoProjects.bugs.READ\nZohoProjects.bugs.UPDATE\nZohoProjects.calendar.ALL\nZohoProjects.calendar.CREATE\nZohoProjects.calendar.DELETE\nZohoProjects.calendar.READ\nZohoProjects.calendar.UPDATE\nZohoProjects.clients.ALL\nZohoProjects.clients.CREATE\nZohoProjects.clients.DELETE\nZohoProjects.clients.READ\nZohoProjects.clients.UPDATE\nZohoProjects.custom_fields.READ\nZohoProjects.documents.CREATE\nZohoProjects.documents.READ\nZohoProjects.entity_properties.ALL\nZohoProjects.entity_properties.CREATE\nZohoProjects.entity_properties.DELETE\nZohoProjects.entity_properties.READ\nZohoProjects.entity_properties.UPDATE\nZohoProjects.events.ALL\nZohoProjects.events.CREATE\nZohoProjects.events.DELETE\nZohoProjects.events.READ\nZohoProjects.events.UPDATE\nZohoProjects.feeds.ALL\nZohoProjects.feeds.CREATE\nZohoProjects.feeds.DELETE\nZohoProjects.feeds.READ\nZohoProjects.feeds.UPDATE\nZohoProjects.forums.ALL\nZohoProjects.forums.CREATE\nZohoProjects.forums.DELETE\nZohoProjects.forums.READ\nZohoProjects.forums.UPDATE\nZohoProjects.integrations.ALL\nZohoProjects.integrations.CREATE\nZohoProjects.integrations.DELETE\nZohoProjects.integrations.READ\nZohoProjects.integrations.UPDATE\nZohoProjects.milestones.ALL\nZohoProjects.milestones.CREATE\nZohoProjects.milestones.DELETE\nZohoProjects.milestones.READ\nZohoProjects.milestones.UPDATE\nZohoProjects.portals.ALL\nZohoProjects.portals.CREATE\nZohoProjects.portals.DELETE\nZohoProjects.portals.READ\nZohoProjects.portals.UPDATE\nZohoProjects.projectgroups.ALL\nZohoProjects.projectgroups.CREATE\nZohoProjects.projectgroups.DELETE\nZohoProjects.projectgroups.READ\nZohoProjects.projectgroups.UPDATE\nZohoProjects.projects.ALL\nZohoProjects.projects.CREATE\nZohoProjects.projects.DELETE\nZohoProjects.projects.READ\nZohoProjects.projects.UPDATE\nZohoProjects.search.READ\nZohoProjects.status.ALL\nZohoProjects.status.CREATE\nZohoProjects.status.DELETE\nZohoProjects.status.READ\nZohoProjects.status.UPDATE\nZohoProjects.tags.ALL\nZohoProjects.tags.CREATE\nZohoProjects.tags.DELETE\nZohoProjects.tags.READ\nZohoProjects.tags.UPDATE\nZohoProjects.tasklists.ALL\nZohoProjects.tasklists.CREATE\nZohoProjects.tasklists.DELETE\nZohoProjects.tasklists.READ\nZohoProjects.tasklists.UPDATE\nZohoProjects.tasks.ALL\nZohoProjects.tasks.CREATE\nZohoProjects.tasks.DELETE\nZohoProjects.tasks.READ\nZohoProjects.tasks.UPDATE\nZohoProjects.timesheets.ALL\nZohoProjects.timesheets.CREATE\nZohoProjects.timesheets.DELETE\nZohoProjects.timesheets.READ\nZohoProjects.timesheets.UPDATE\nZohoProjects.users.ALL\nZohoProjects.users.CREATE\nZohoProjects.users.DELETE\nZohoProjects.users.READ\nZohoProjects.users.UPDATE"
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
            scopes.iter().map(|s| s.0).collect::<::std::vec::Vec<_>>().join(",")
        }
    }
    impl ::std::fmt::Display for Scope {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.0)
        }
    }
    ///Scopes under `activities`.
    pub mod activities {
        ///`ZohoProjects.activities.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.activities.ALL");
        ///`ZohoProjects.activities.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.activities.CREATE");
        ///`ZohoProjects.activities.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.activities.DELETE");
        ///`ZohoProjects.activities.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.activities.READ");
        ///`ZohoProjects.activities.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.activities.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.activities.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.activities.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.activities.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.activities.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.activities.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `bugs`.
    pub mod bugs {
        ///`ZohoProjects.bugs.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.bugs.ALL");
        ///`ZohoProjects.bugs.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.bugs.CREATE");
        ///`ZohoProjects.bugs.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.bugs.DELETE");
        ///`ZohoProjects.bugs.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.bugs.READ");
        ///`ZohoProjects.bugs.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.bugs.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.bugs.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.bugs.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.bugs.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.bugs.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.bugs.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `calendar`.
    pub mod calendar {
        ///`ZohoProjects.calendar.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.calendar.ALL");
        ///`ZohoProjects.calendar.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.calendar.CREATE");
        ///`ZohoProjects.calendar.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.calendar.DELETE");
        ///`ZohoProjects.calendar.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.calendar.READ");
        ///`ZohoProjects.calendar.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.calendar.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.calendar.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.calendar.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.calendar.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.calendar.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.calendar.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `clients`.
    pub mod clients {
        ///`ZohoProjects.clients.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.clients.ALL");
        ///`ZohoProjects.clients.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.clients.CREATE");
        ///`ZohoProjects.clients.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.clients.DELETE");
        ///`ZohoProjects.clients.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.clients.READ");
        ///`ZohoProjects.clients.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.clients.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.clients.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.clients.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.clients.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.clients.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.clients.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `custom_fields`.
    pub mod custom_fields {
        ///`ZohoProjects.custom_fields.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.custom_fields.READ");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.custom_fields.READ`
            pub READ: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree { READ };
    }
    ///Scopes under `documents`.
    pub mod documents {
        ///`ZohoProjects.documents.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.documents.CREATE");
        ///`ZohoProjects.documents.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.documents.READ");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.documents.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.documents.READ`
            pub READ: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree { CREATE, READ };
    }
    ///Scopes under `entity_properties`.
    pub mod entity_properties {
        ///`ZohoProjects.entity_properties.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.entity_properties.ALL");
        ///`ZohoProjects.entity_properties.CREATE`
        pub const CREATE: super::Scope = super::Scope(
            "ZohoProjects.entity_properties.CREATE",
        );
        ///`ZohoProjects.entity_properties.DELETE`
        pub const DELETE: super::Scope = super::Scope(
            "ZohoProjects.entity_properties.DELETE",
        );
        ///`ZohoProjects.entity_properties.READ`
        pub const READ: super::Scope = super::Scope(
            "ZohoProjects.entity_properties.READ",
        );
        ///`ZohoProjects.entity_properties.UPDATE`
        pub const UPDATE: super::Scope = super::Scope(
            "ZohoProjects.entity_properties.UPDATE",
        );
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.entity_properties.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.entity_properties.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.entity_properties.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.entity_properties.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.entity_properties.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `events`.
    pub mod events {
        ///`ZohoProjects.events.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.events.ALL");
        ///`ZohoProjects.events.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.events.CREATE");
        ///`ZohoProjects.events.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.events.DELETE");
        ///`ZohoProjects.events.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.events.READ");
        ///`ZohoProjects.events.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.events.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.events.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.events.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.events.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.events.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.events.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `feeds`.
    pub mod feeds {
        ///`ZohoProjects.feeds.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.feeds.ALL");
        ///`ZohoProjects.feeds.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.feeds.CREATE");
        ///`ZohoProjects.feeds.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.feeds.DELETE");
        ///`ZohoProjects.feeds.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.feeds.READ");
        ///`ZohoProjects.feeds.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.feeds.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.feeds.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.feeds.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.feeds.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.feeds.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.feeds.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `forums`.
    pub mod forums {
        ///`ZohoProjects.forums.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.forums.ALL");
        ///`ZohoProjects.forums.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.forums.CREATE");
        ///`ZohoProjects.forums.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.forums.DELETE");
        ///`ZohoProjects.forums.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.forums.READ");
        ///`ZohoProjects.forums.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.forums.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.forums.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.forums.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.forums.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.forums.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.forums.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `integrations`.
    pub mod integrations {
        ///`ZohoProjects.integrations.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.integrations.ALL");
        ///`ZohoProjects.integrations.CREATE`
        pub const CREATE: super::Scope = super::Scope(
            "ZohoProjects.integrations.CREATE",
        );
        ///`ZohoProjects.integrations.DELETE`
        pub const DELETE: super::Scope = super::Scope(
            "ZohoProjects.integrations.DELETE",
        );
        ///`ZohoProjects.integrations.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.integrations.READ");
        ///`ZohoProjects.integrations.UPDATE`
        pub const UPDATE: super::Scope = super::Scope(
            "ZohoProjects.integrations.UPDATE",
        );
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.integrations.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.integrations.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.integrations.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.integrations.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.integrations.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `milestones`.
    pub mod milestones {
        ///`ZohoProjects.milestones.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.milestones.ALL");
        ///`ZohoProjects.milestones.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.milestones.CREATE");
        ///`ZohoProjects.milestones.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.milestones.DELETE");
        ///`ZohoProjects.milestones.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.milestones.READ");
        ///`ZohoProjects.milestones.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.milestones.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.milestones.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.milestones.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.milestones.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.milestones.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.milestones.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `portals`.
    pub mod portals {
        ///`ZohoProjects.portals.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.portals.ALL");
        ///`ZohoProjects.portals.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.portals.CREATE");
        ///`ZohoProjects.portals.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.portals.DELETE");
        ///`ZohoProjects.portals.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.portals.READ");
        ///`ZohoProjects.portals.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.portals.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.portals.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.portals.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.portals.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.portals.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.portals.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `projectgroups`.
    pub mod projectgroups {
        ///`ZohoProjects.projectgroups.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.projectgroups.ALL");
        ///`ZohoProjects.projectgroups.CREATE`
        pub const CREATE: super::Scope = super::Scope(
            "ZohoProjects.projectgroups.CREATE",
        );
        ///`ZohoProjects.projectgroups.DELETE`
        pub const DELETE: super::Scope = super::Scope(
            "ZohoProjects.projectgroups.DELETE",
        );
        ///`ZohoProjects.projectgroups.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.projectgroups.READ");
        ///`ZohoProjects.projectgroups.UPDATE`
        pub const UPDATE: super::Scope = super::Scope(
            "ZohoProjects.projectgroups.UPDATE",
        );
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.projectgroups.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.projectgroups.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.projectgroups.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.projectgroups.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.projectgroups.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `projects`.
    pub mod projects {
        ///`ZohoProjects.projects.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.projects.ALL");
        ///`ZohoProjects.projects.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.projects.CREATE");
        ///`ZohoProjects.projects.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.projects.DELETE");
        ///`ZohoProjects.projects.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.projects.READ");
        ///`ZohoProjects.projects.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.projects.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.projects.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.projects.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.projects.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.projects.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.projects.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `search`.
    pub mod search {
        ///`ZohoProjects.search.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.search.READ");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.search.READ`
            pub READ: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree { READ };
    }
    ///Scopes under `status`.
    pub mod status {
        ///`ZohoProjects.status.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.status.ALL");
        ///`ZohoProjects.status.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.status.CREATE");
        ///`ZohoProjects.status.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.status.DELETE");
        ///`ZohoProjects.status.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.status.READ");
        ///`ZohoProjects.status.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.status.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.status.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.status.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.status.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.status.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.status.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `tags`.
    pub mod tags {
        ///`ZohoProjects.tags.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.tags.ALL");
        ///`ZohoProjects.tags.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.tags.CREATE");
        ///`ZohoProjects.tags.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.tags.DELETE");
        ///`ZohoProjects.tags.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.tags.READ");
        ///`ZohoProjects.tags.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.tags.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.tags.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.tags.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.tags.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.tags.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.tags.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `tasklists`.
    pub mod tasklists {
        ///`ZohoProjects.tasklists.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.tasklists.ALL");
        ///`ZohoProjects.tasklists.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.tasklists.CREATE");
        ///`ZohoProjects.tasklists.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.tasklists.DELETE");
        ///`ZohoProjects.tasklists.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.tasklists.READ");
        ///`ZohoProjects.tasklists.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.tasklists.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.tasklists.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.tasklists.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.tasklists.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.tasklists.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.tasklists.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `tasks`.
    pub mod tasks {
        ///`ZohoProjects.tasks.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.tasks.ALL");
        ///`ZohoProjects.tasks.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.tasks.CREATE");
        ///`ZohoProjects.tasks.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.tasks.DELETE");
        ///`ZohoProjects.tasks.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.tasks.READ");
        ///`ZohoProjects.tasks.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.tasks.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.tasks.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.tasks.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.tasks.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.tasks.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.tasks.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `timesheets`.
    pub mod timesheets {
        ///`ZohoProjects.timesheets.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.timesheets.ALL");
        ///`ZohoProjects.timesheets.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.timesheets.CREATE");
        ///`ZohoProjects.timesheets.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.timesheets.DELETE");
        ///`ZohoProjects.timesheets.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.timesheets.READ");
        ///`ZohoProjects.timesheets.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.timesheets.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.timesheets.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.timesheets.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.timesheets.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.timesheets.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.timesheets.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    ///Scopes under `users`.
    pub mod users {
        ///`ZohoProjects.users.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoProjects.users.ALL");
        ///`ZohoProjects.users.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoProjects.users.CREATE");
        ///`ZohoProjects.users.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoProjects.users.DELETE");
        ///`ZohoProjects.users.READ`
        pub const READ: super::Scope = super::Scope("ZohoProjects.users.READ");
        ///`ZohoProjects.users.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoProjects.users.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoProjects.users.ALL`
            pub ALL: super::Scope,
            ///`ZohoProjects.users.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoProjects.users.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoProjects.users.READ`
            pub READ: super::Scope,
            ///`ZohoProjects.users.UPDATE`
            pub UPDATE: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
        };
    }
    /// This level of the scope catalogue as fields (see `SCOPES`).
    pub struct Tree {
        ///Scopes under `activities`.
        pub activities: activities::Tree,
        ///Scopes under `bugs`.
        pub bugs: bugs::Tree,
        ///Scopes under `calendar`.
        pub calendar: calendar::Tree,
        ///Scopes under `clients`.
        pub clients: clients::Tree,
        ///Scopes under `custom_fields`.
        pub custom_fields: custom_fields::Tree,
        ///Scopes under `documents`.
        pub documents: documents::Tree,
        ///Scopes under `entity_properties`.
        pub entity_properties: entity_properties::Tree,
        ///Scopes under `events`.
        pub events: events::Tree,
        ///Scopes under `feeds`.
        pub feeds: feeds::Tree,
        ///Scopes under `forums`.
        pub forums: forums::Tree,
        ///Scopes under `integrations`.
        pub integrations: integrations::Tree,
        ///Scopes under `milestones`.
        pub milestones: milestones::Tree,
        ///Scopes under `portals`.
        pub portals: portals::Tree,
        ///Scopes under `projectgroups`.
        pub projectgroups: projectgroups::Tree,
        ///Scopes under `projects`.
        pub projects: projects::Tree,
        ///Scopes under `search`.
        pub search: search::Tree,
        ///Scopes under `status`.
        pub status: status::Tree,
        ///Scopes under `tags`.
        pub tags: tags::Tree,
        ///Scopes under `tasklists`.
        pub tasklists: tasklists::Tree,
        ///Scopes under `tasks`.
        pub tasks: tasks::Tree,
        ///Scopes under `timesheets`.
        pub timesheets: timesheets::Tree,
        ///Scopes under `users`.
        pub users: users::Tree,
    }
    /// This level's scopes.
    pub const TREE: Tree = Tree {
        activities: activities::TREE,
        bugs: bugs::TREE,
        calendar: calendar::TREE,
        clients: clients::TREE,
        custom_fields: custom_fields::TREE,
        documents: documents::TREE,
        entity_properties: entity_properties::TREE,
        events: events::TREE,
        feeds: feeds::TREE,
        forums: forums::TREE,
        integrations: integrations::TREE,
        milestones: milestones::TREE,
        portals: portals::TREE,
        projectgroups: projectgroups::TREE,
        projects: projects::TREE,
        search: search::TREE,
        status: status::TREE,
        tags: tags::TREE,
        tasklists: tasklists::TREE,
        tasks: tasks::TREE,
        timesheets: timesheets::TREE,
        users: users::TREE,
    };
}
#[allow(deprecated)]
impl ZohoProjects {
    /// Every scope as a field chain that mirrors the provider's syntax:
    /// `SCOPES.portals.READ`. `scope!(...)` expands to this.
    pub const SCOPES: scopes::Tree = scopes::TREE;
}
///The errors Zoho Projects documents, one variant per error rule of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    ///`http_429` (rate_limited, at api): Too many API calls.
    Http429,
    ///`invalid_code` (code_invalid, at token_endpoint): The grant code has expired (codes live 2 minutes) or was already used; also returned on refresh with a wrong or revoked refresh token.
    InvalidCode,
    ///`invalid_client` (client_invalid, at token_endpoint): Bad client id or secret, or a data-centre mismatch (client or code from one DC, token requested at another), or the wrong per-DC secret when multi-DC is on.
    InvalidClient,
    ///`invalid_client_secret` (client_invalid, at token_endpoint): The client secret is wrong.
    InvalidClientSecret,
    ///`invalid_redirect_uri` (bad_request, at token_endpoint): The redirect URI does not match the one registered for the client.
    InvalidRedirectUri,
    ///`access_denied_throttled` (rate_limited, at token_endpoint): "Access Denied": too many requests (token or code throttle), or a limit such as 20 refresh tokens per user was passed.
    AccessDeniedThrottled,
    ///`access_denied` (access_denied, at token_endpoint): Access denied (the user refused, or the grant-code limit was passed).
    AccessDenied,
    ///`missing_org_info` (bad_request, at token_endpoint): A client-credentials request without the `soid` the client needs.
    MissingOrgInfo,
    ///`authorization_pending` (authorization_pending, at token_endpoint): The user has not finished authorizing the device yet.
    AuthorizationPending,
    ///`slow_down` (slow_down, at token_endpoint): Two polls arrived within 30 seconds; poll at most once per 30 seconds.
    SlowDown,
    ///`revoke_invalid_token` (refresh_token_invalid, at revoke): The token to revoke is not valid (already revoked or unknown).
    RevokeInvalidToken,
    ///`invalid_oauth_token` (access_token_expired, at api): Invalid OAuth access token (the access token has expired; they live 1 hour).
    InvalidOauthToken,
    ///`INVALID_TOKEN` (access_token_expired, at api): invalid oauth token (expired or otherwise not valid).
    InvalidToken,
    ///`INVALID_OAUTHTOKEN` (access_token_invalid, at api): The access token was invalidated (evicted past the per-refresh-token cap, deleted, or issued in another data centre).
    InvalidOauthtoken,
    ///`AUTHENTICATION_FAILURE` (access_token_invalid, at api): Authentication failed.
    AuthenticationFailure,
    ///`OAUTH_SCOPE_MISMATCH` (insufficient_scope, at api): The access token lacks the scope this API needs.
    OauthScopeMismatch,
    ///`NO_PERMISSION` (insufficient_scope, at api): The user has no permission for this operation.
    NoPermission,
    ///`UNAUTHORIZED` (access_token_invalid, at api): Unauthorized.
    Unauthorized,
    ///`http_401` (access_token_invalid, at api): HTTP 401 from the API with no recognised body.
    Http401,
}
impl ErrorCode {
    const BY_RULE: [ErrorCode; 19usize] = [
        ErrorCode::Http429,
        ErrorCode::InvalidCode,
        ErrorCode::InvalidClient,
        ErrorCode::InvalidClientSecret,
        ErrorCode::InvalidRedirectUri,
        ErrorCode::AccessDeniedThrottled,
        ErrorCode::AccessDenied,
        ErrorCode::MissingOrgInfo,
        ErrorCode::AuthorizationPending,
        ErrorCode::SlowDown,
        ErrorCode::RevokeInvalidToken,
        ErrorCode::InvalidOauthToken,
        ErrorCode::InvalidToken,
        ErrorCode::InvalidOauthtoken,
        ErrorCode::AuthenticationFailure,
        ErrorCode::OauthScopeMismatch,
        ErrorCode::NoPermission,
        ErrorCode::Unauthorized,
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
            ErrorCode::Http429 => "http_429",
            ErrorCode::InvalidCode => "invalid_code",
            ErrorCode::InvalidClient => "invalid_client",
            ErrorCode::InvalidClientSecret => "invalid_client_secret",
            ErrorCode::InvalidRedirectUri => "invalid_redirect_uri",
            ErrorCode::AccessDeniedThrottled => "access_denied_throttled",
            ErrorCode::AccessDenied => "access_denied",
            ErrorCode::MissingOrgInfo => "missing_org_info",
            ErrorCode::AuthorizationPending => "authorization_pending",
            ErrorCode::SlowDown => "slow_down",
            ErrorCode::RevokeInvalidToken => "revoke_invalid_token",
            ErrorCode::InvalidOauthToken => "invalid_oauth_token",
            ErrorCode::InvalidToken => "INVALID_TOKEN",
            ErrorCode::InvalidOauthtoken => "INVALID_OAUTHTOKEN",
            ErrorCode::AuthenticationFailure => "AUTHENTICATION_FAILURE",
            ErrorCode::OauthScopeMismatch => "OAUTH_SCOPE_MISMATCH",
            ErrorCode::NoPermission => "NO_PERMISSION",
            ErrorCode::Unauthorized => "UNAUTHORIZED",
            ErrorCode::Http401 => "http_401",
        }
    }
    /// What the error means.
    pub const fn meaning(self) -> ::oauth_providers::__private::rt::ErrorMeaning {
        match self {
            ErrorCode::Http429 => {
                ::oauth_providers::__private::rt::ErrorMeaning::RateLimited
            }
            ErrorCode::InvalidCode => {
                ::oauth_providers::__private::rt::ErrorMeaning::CodeInvalid
            }
            ErrorCode::InvalidClient => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientInvalid
            }
            ErrorCode::InvalidClientSecret => {
                ::oauth_providers::__private::rt::ErrorMeaning::ClientInvalid
            }
            ErrorCode::InvalidRedirectUri => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::AccessDeniedThrottled => {
                ::oauth_providers::__private::rt::ErrorMeaning::RateLimited
            }
            ErrorCode::AccessDenied => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::MissingOrgInfo => {
                ::oauth_providers::__private::rt::ErrorMeaning::BadRequest
            }
            ErrorCode::AuthorizationPending => {
                ::oauth_providers::__private::rt::ErrorMeaning::AuthorizationPending
            }
            ErrorCode::SlowDown => {
                ::oauth_providers::__private::rt::ErrorMeaning::SlowDown
            }
            ErrorCode::RevokeInvalidToken => {
                ::oauth_providers::__private::rt::ErrorMeaning::RefreshTokenInvalid
            }
            ErrorCode::InvalidOauthToken => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenExpired
            }
            ErrorCode::InvalidToken => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenExpired
            }
            ErrorCode::InvalidOauthtoken => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
            ErrorCode::AuthenticationFailure => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
            ErrorCode::OauthScopeMismatch => {
                ::oauth_providers::__private::rt::ErrorMeaning::InsufficientScope
            }
            ErrorCode::NoPermission => {
                ::oauth_providers::__private::rt::ErrorMeaning::InsufficientScope
            }
            ErrorCode::Unauthorized => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
            ErrorCode::Http401 => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
        }
    }
}
