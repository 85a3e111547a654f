// Generated from specs/zoho_crm.yaml by oauth-codegen. Do not edit: run
// `UPDATE_SNAPSHOTS=1 cargo test -p oauth-codegen --test snapshots` and review the diff.

///The resolved definition of Zoho CRM, as the runtime reads it.
pub static PROVIDER: ::oauth_providers::__private::model::ProviderDef = ::oauth_providers::__private::model::ProviderDef {
    name: ::std::borrow::Cow::Borrowed("ZohoCRM"),
    display_name: ::std::borrow::Cow::Borrowed("Zoho CRM"),
    docs_url: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "https://www.zoho.com/crm/developer/docs/api/v8/oauth-overview.html",
        ),
    ),
    description: ::std::option::Option::Some(
        ::std::borrow::Cow::Borrowed(
            "Zoho CRM API v8 with Zoho Accounts OAuth 2.0. Register the client in the Zoho developer console (JavaScript, web-based, mobile, non-browser mobile or self client); ask for `access_type=offline` to get a refresh token.",
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
                        "{data_center.api_domain}/crm/v8",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::Some(1usize),
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/crm/v8"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Get,
            },
            ::oauth_providers::__private::model::EndpointDef {
                name: ::std::borrow::Cow::Borrowed("legacy_authtoken"),
                url: ::oauth_providers::__private::model::Template {
                    source: ::std::borrow::Cow::Borrowed(
                        "{data_center.accounts}/apiauthtoken/nb/create",
                    ),
                    parts: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::TemplatePart::Var {
                                var: 0usize,
                                property: ::std::option::Option::Some(0usize),
                            },
                            ::oauth_providers::__private::model::TemplatePart::Lit(
                                ::std::borrow::Cow::Borrowed("/apiauthtoken/nb/create"),
                            ),
                        ],
                    ),
                },
                method: ::oauth_providers::__private::model::Method::Post,
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
        custom: ::std::borrow::Cow::Borrowed(
            &[
                ::oauth_providers::__private::model::CustomGrantDef {
                    name: ::std::borrow::Cow::Borrowed("legacy_authtoken"),
                    description: ::std::borrow::Cow::Borrowed(
                        "Generates a permanent, user-specific CRM API v1 authtoken from the user's e-mail and an application-specific password. The token cannot be viewed again once made, is revoked from the Zoho Accounts page (\"Active Authtoken\"), and stops working when the user is deactivated.",
                    ),
                    endpoint: ::std::borrow::Cow::Borrowed("legacy_authtoken"),
                    params_in: ::oauth_providers::__private::model::ParamsIn::Query,
                    params: ::std::borrow::Cow::Borrowed(
                        &[
                            ::oauth_providers::__private::model::CustomParamDef {
                                wire: ::std::borrow::Cow::Borrowed("SCOPE"),
                                source: ::oauth_providers::__private::model::ParamSource::Value(
                                    ::std::borrow::Cow::Borrowed("ZohoCRM/crmapi"),
                                ),
                            },
                            ::oauth_providers::__private::model::CustomParamDef {
                                wire: ::std::borrow::Cow::Borrowed("EMAIL_ID"),
                                source: ::oauth_providers::__private::model::ParamSource::Input {
                                    name: ::std::borrow::Cow::Borrowed("email_id"),
                                    secret: false,
                                },
                            },
                            ::oauth_providers::__private::model::CustomParamDef {
                                wire: ::std::borrow::Cow::Borrowed("PASSWORD"),
                                source: ::oauth_providers::__private::model::ParamSource::Input {
                                    name: ::std::borrow::Cow::Borrowed("password"),
                                    secret: true,
                                },
                            },
                            ::oauth_providers::__private::model::CustomParamDef {
                                wire: ::std::borrow::Cow::Borrowed("DISPLAY_NAME"),
                                source: ::oauth_providers::__private::model::ParamSource::Input {
                                    name: ::std::borrow::Cow::Borrowed("display_name"),
                                    secret: false,
                                },
                            },
                        ],
                    ),
                    response: ::oauth_providers::__private::model::ResponseDef {
                        format: ::oauth_providers::__private::model::ResponseFormat::Properties,
                        expires_in: ::oauth_providers::__private::model::ExpiresIn::Full,
                        expires_in_unit: ::oauth_providers::__private::model::TimeUnit::Seconds,
                        fields: ::oauth_providers::__private::model::FieldNames {
                            access_token: ::std::borrow::Cow::Borrowed("AUTHTOKEN"),
                            refresh_token: ::std::borrow::Cow::Borrowed("refresh_token"),
                            expires_in: ::std::borrow::Cow::Borrowed("expires_in"),
                            scope: ::std::borrow::Cow::Borrowed("scope"),
                            token_type: ::std::borrow::Cow::Borrowed("token_type"),
                        },
                        extra_fields: ::std::borrow::Cow::Borrowed(&[]),
                        scope_separator: ::std::borrow::Cow::Borrowed(","),
                        success_when: ::std::option::Option::Some(::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("RESULT"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("TRUE"),
                                    ),
                                ],
                            ),
                        }),
                    },
                    presentation: ::oauth_providers::__private::model::Presentation::Query {
                        param: ::std::borrow::Cow::Borrowed("authtoken"),
                        extra: ::std::borrow::Cow::Borrowed(
                            &[
                                (
                                    ::std::borrow::Cow::Borrowed("scope"),
                                    ::std::borrow::Cow::Borrowed("crmapi"),
                                ),
                            ],
                        ),
                    },
                    deprecated: ::std::option::Option::Some(::oauth_providers::__private::model::Deprecation {
                        since: ::std::borrow::Cow::Borrowed("2018-12-31"),
                        note: ::std::borrow::Cow::Borrowed(
                            "Zoho CRM API v1.0 was retired on 2018-12-31",
                        ),
                        replacement: ::std::option::Option::Some(
                            ::std::borrow::Cow::Borrowed("authorization_code"),
                        ),
                    }),
                },
            ],
        ),
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
                max: 10u32,
                per_secs: 600u64,
                key: ::oauth_providers::__private::model::LimitKey::Client,
                block_for_secs: ::std::option::Option::None,
                description: ::std::borrow::Cow::Borrowed(
                    "At most 10 grant tokens per 10 minutes per client id; past that, `access_denied` for the rest of the window.",
                ),
            },
            ::oauth_providers::__private::model::LimitDef::Rate {
                counts: ::oauth_providers::__private::model::Counted::Refreshes,
                max: 10u32,
                per_secs: 600u64,
                key: ::oauth_providers::__private::model::LimitKey::RefreshToken,
                block_for_secs: ::std::option::Option::None,
                description: ::std::borrow::Cow::Borrowed(
                    "At most 10 access tokens per refresh token in 10 minutes; past that, \"Access Denied\".",
                ),
            },
        ],
    ),
    scopes: ::std::option::Option::Some(::oauth_providers::__private::model::ScopesDef {
        required: true,
        separator: ::std::borrow::Cow::Borrowed(","),
        syntax: ::std::borrow::Cow::Borrowed("ZohoCRM.{scope}.{operation}"),
        placeholders: ::std::borrow::Cow::Borrowed(
            &[
                ::std::borrow::Cow::Borrowed("scope"),
                ::std::borrow::Cow::Borrowed("operation"),
            ],
        ),
        catalogue: ::oauth_providers::__private::model::Catalogue::from_joined(
            "ZohoCRM.bulk.ALL\nZohoCRM.bulk.CREATE\nZohoCRM.bulk.READ\nZohoCRM.bulk.backup.ALL\nZohoCRM.coql.READ\nZohoCRM.files.CREATE\nZohoCRM.files.READ\nZohoCRM.mass_convert.Quotes.CREATE\nZohoCRM.mass_convert.Quotes.READ\nZohoCRM.mass_convert.leads.CREATE\nZohoCRM.mass_convert.leads.READ\nZohoCRM.modules.ALL\nZohoCRM.modules.CREATE\nZohoCRM.modules.DELETE\nZohoCRM.modules.READ\nZohoCRM.modules.UPDATE\nZohoCRM.modules.accounts.ALL\nZohoCRM.modules.accounts.CREATE\nZohoCRM.modules.accounts.DELETE\nZohoCRM.modules.accounts.READ\nZohoCRM.modules.accounts.UPDATE\nZohoCRM.modules.activities.ALL\nZohoCRM.modules.activities.CREATE\nZohoCRM.modules.activities.DELETE\nZohoCRM.modules.activities.READ\nZohoCRM.modules.activities.UPDATE\nZohoCRM.modules.approvals.ALL\nZohoCRM.modules.approvals.CREATE\nZohoCRM.modules.approvals.DELETE\nZohoCRM.modules.approvals.READ\nZohoCRM.modules.approvals.UPDATE\nZohoCRM.modules.attachments.ALL\nZohoCRM.modules.attachments.CREATE\nZohoCRM.modules.attachments.DELETE\nZohoCRM.modules.attachments.READ\nZohoCRM.modules.attachments.UPDATE\nZohoCRM.modules.calls.ALL\nZohoCRM.modules.calls.CREATE\nZohoCRM.modules.calls.DELETE\nZohoCRM.modules.calls.READ\nZohoCRM.modules.calls.UPDATE\nZohoCRM.modules.campaigns.ALL\nZohoCRM.modules.campaigns.CREATE\nZohoCRM.modules.campaigns.DELETE\nZohoCRM.modules.campaigns.READ\nZohoCRM.modules.campaigns.UPDATE\nZohoCRM.modules.cases.ALL\nZohoCRM.modules.cases.CREATE\nZohoCRM.modules.cases.DELETE\nZohoCRM.modules.cases.READ\nZohoCRM.modules.cases.UPDATE\nZohoCRM.modules.contacts.ALL\nZohoCRM.modules.contacts.CREATE\nZohoCRM.modules.contacts.DELETE\nZohoCRM.modules.contacts.READ\nZohoCRM.modules.contacts.UPDATE\nZohoCRM.modules.custom.ALL\nZohoCRM.modules.custom.CREATE\nZohoCRM.modules.custom.DELETE\nZohoCRM.modules.custom.READ\nZohoCRM.modules.custom.UPDATE\nZohoCRM.modules.dashboards.ALL\nZohoCRM.modules.dashboards.CREATE\nZohoCRM.modules.dashboards.DELETE\nZohoCRM.modules.dashboards.READ\nZohoCRM.modules.dashboards.UPDATE\nZohoCRM.modules.deals.ALL\nZohoCRM.modules.deals.CREATE\nZohoCRM.modules.deals.DELETE\nZohoCRM.modules.deals.READ\nZohoCRM.modules.deals.UPDATE\nZohoCRM.modules.events.ALL\nZohoCRM.modules.events.CREATE\nZohoCRM.modules.events.DELETE\nZohoCRM.modules.events.READ\nZohoCRM.modules.events.UPDATE\nZohoCRM.modules.invoices.ALL\nZohoCRM.modules.invoices.CREATE\nZohoCRM.modules.invoices.DELETE\nZohoCRM.modules.invoices.READ\nZohoCRM.modules.invoices.UPDATE\nZohoCRM.modules.leads.ALL\nZohoCRM.modules.leads.CREATE\nZohoCRM.modules.leads.DELETE\nZohoCRM.modules.leads.READ\nZohoCRM.modules.leads.UPDATE\nZohoCRM.modules.notes.ALL\nZohoCRM.modules.notes.CREATE\nZohoCRM.modules.notes.DELETE\nZohoCRM.modules.notes.READ\nZohoCRM.modules.notes.UPDATE\nZohoCRM.modules.pricebooks.ALL\nZohoCRM.modules.pricebooks.CREATE\nZohoCRM.modules.pricebooks.DELETE\nZohoCRM.modules.pricebooks.READ\nZohoCRM.modules.pricebooks.UPDATE\nZohoCRM.modules.products.ALL\nZohoCRM.modules.products.CREATE\nZohoCRM.modules.products.DELETE\nZohoCRM.modules.products.READ\nZohoCRM.modules.products.UPDATE\nZohoCRM.modules.purchaseorders.ALL\nZohoCRM.modules.purchaseorders.CREATE\nZohoCRM.modules.purchaseorders.DELETE\nZohoCRM.modules.purchaseorders.READ\nZohoCRM.modules.purchaseorders.UPDATE\nZohoCRM.modules.quotes.ALL\nZohoCRM.modules.quotes.CREATE\nZohoCRM.modules.quotes.DELETE\nZohoCRM.modules.quotes.READ\nZohoCRM.modules.quotes.UPDATE\nZohoCRM.modules.salesorders.ALL\nZohoCRM.modules.salesorders.CREATE\nZohoCRM.modules.salesorders.DELETE\nZohoCRM.modules.salesorders.READ\nZohoCRM.modules.salesorders.UPDATE\nZohoCRM.modules.solutions.ALL\nZohoCRM.modules.solutions.CREATE\nZohoCRM.modules.solutions.DELETE\nZohoCRM.modules.solutions.READ\nZohoCRM.modules.solutions.UPDATE\nZohoCRM.modules.tasks.ALL\nZohoCRM.modules.tasks.CREATE\nZohoCRM.modules.tasks.DELETE\nZohoCRM.modules.tasks.READ\nZohoCRM.modules.tasks.UPDATE\nZohoCRM.modules.vendors.ALL\nZohoCRM.modules.vendors.CREATE\nZohoCRM.modules.vendors.DELETE\nZohoCRM.modules.vendors.READ\nZohoCRM.modules.vendors.UPDATE\nZohoCRM.notifications.ALL\nZohoCRM.notifications.CREATE\nZohoCRM.notifications.DELETE\nZohoCRM.notifications.READ\nZohoCRM.notifications.UPDATE\nZohoCRM.org.ALL\nZohoCRM.org.CREATE\nZohoCRM.org.DELETE\nZohoCRM.org.READ\nZohoCRM.org.UPDATE\nZohoCRM.settings.ALL\nZohoCRM.settings.READ\nZohoCRM.settings.currencies.ALL\nZohoCRM.settings.currencies.CREATE\nZohoCRM.settings.currencies.DELETE\nZohoCRM.settings.currencies.READ\nZohoCRM.settings.currencies.UPDATE\nZohoCRM.settings.custom_buttons.ALL\nZohoCRM.settings.custom_buttons.CREATE\nZohoCRM.settings.custom_buttons.DELETE\nZohoCRM.settings.custom_buttons.READ\nZohoCRM.settings.custom_buttons.UPDATE\nZohoCRM.settings.custom_links.ALL\nZohoCRM.settings.custom_links.CREATE\nZohoCRM.settings.custom_links.DELETE\nZohoCRM.settings.custom_links.READ\nZohoCRM.settings.custom_links.UPDATE\nZohoCRM.settings.custom_views.ALL\nZohoCRM.settings.custom_views.CREATE\nZohoCRM.settings.custom_views.DELETE\nZohoCRM.settings.custom_views.READ\nZohoCRM.settings.custom_views.UPDATE\nZohoCRM.settings.fields.ALL\nZohoCRM.settings.fields.CREATE\nZohoCRM.settings.fields.DELETE\nZohoCRM.settings.fields.READ\nZohoCRM.settings.fields.UPDATE\nZohoCRM.settings.layouts.ALL\nZohoCRM.settings.layouts.CREATE\nZohoCRM.settings.layouts.DELETE\nZohoCRM.settings.layouts.READ\nZohoCRM.settings.layouts.UPDATE\nZohoCRM.settings.macros.ALL\nZohoCRM.settings.macros.CREATE\nZohoCRM.settings.macros.DELETE\nZohoCRM.settings.macros.READ\nZohoCRM.settings.macros.UPDATE\nZohoCRM.settings.modules.ALL\nZohoCRM.settings.modules.CREATE\nZohoCRM.settings.modules.DELETE\nZohoCRM.settings.modules.READ\nZohoCRM.settings.modules.UPDATE\nZohoCRM.settings.profiles.ALL\nZohoCRM.settings.profiles.CREATE\nZohoCRM.settings.profiles.DELETE\nZohoCRM.settings.profiles.READ\nZohoCRM.settings.profiles.UPDATE\nZohoCRM.settings.related_lists.ALL\nZohoCRM.settings.related_lists.CREATE\nZohoCRM.settings.related_lists.DELETE\nZohoCRM.settings.related_lists.READ\nZohoCRM.settings.related_lists.UPDATE\nZohoCRM.settings.roles.ALL\nZohoCRM.settings.roles.CREATE\nZohoCRM.settings.roles.DELETE\nZohoCRM.settings.roles.READ\nZohoCRM.settings.roles.UPDATE\nZohoCRM.settings.tab_groups.ALL\nZohoCRM.settings.tab_groups.CREATE\nZohoCRM.settings.tab_groups.DELETE\nZohoCRM.settings.tab_groups.READ\nZohoCRM.settings.tab_groups.UPDATE\nZohoCRM.settings.tags.ALL\nZohoCRM.settings.tags.CREATE\nZohoCRM.settings.tags.DELETE\nZohoCRM.settings.tags.READ\nZohoCRM.settings.tags.UPDATE\nZohoCRM.settings.territories.ALL\nZohoCRM.settings.territories.CREATE\nZohoCRM.settings.territories.DELETE\nZohoCRM.settings.territories.READ\nZohoCRM.settings.territories.UPDATE\nZohoCRM.settings.variables.ALL\nZohoCRM.settings.variables.CREATE\nZohoCRM.settings.variables.DELETE\nZohoCRM.settings.variables.READ\nZohoCRM.settings.variables.UPDATE\nZohoCRM.share.accounts.ALL\nZohoCRM.share.accounts.CREATE\nZohoCRM.share.accounts.DELETE\nZohoCRM.share.accounts.READ\nZohoCRM.share.accounts.UPDATE\nZohoCRM.share.calls.ALL\nZohoCRM.share.calls.CREATE\nZohoCRM.share.calls.DELETE\nZohoCRM.share.calls.READ\nZohoCRM.share.calls.UPDATE\nZohoCRM.share.campaigns.ALL\nZohoCRM.share.campaigns.CREATE\nZohoCRM.share.campaigns.DELETE\nZohoCRM.share.campaigns.READ\nZohoCRM.share.campaigns.UPDATE\nZohoCRM.share.cases.ALL\nZohoCRM.share.cases.CREATE\nZohoCRM.share.cases.DELETE\nZohoCRM.share.cases.READ\nZohoCRM.share.cases.UPDATE\nZohoCRM.share.contacts.ALL\nZohoCRM.share.contacts.CREATE\nZohoCRM.share.contacts.DELETE\nZohoCRM.share.contacts.READ\nZohoCRM.share.contacts.UPDATE\nZohoCRM.share.custom.ALL\nZohoCRM.share.custom.CREATE\nZohoCRM.share.custom.DELETE\nZohoCRM.share.custom.READ\nZohoCRM.share.custom.UPDATE\nZohoCRM.share.deals.ALL\nZohoCRM.share.deals.CREATE\nZohoCRM.share.deals.DELETE\nZohoCRM.share.deals.READ\nZohoCRM.share.deals.UPDATE\nZohoCRM.share.events.ALL\nZohoCRM.share.events.CREATE\nZohoCRM.share.events.DELETE\nZohoCRM.share.events.READ\nZohoCRM.share.events.UPDATE\nZohoCRM.share.invoices.ALL\nZohoCRM.share.invoices.CREATE\nZohoCRM.share.invoices.DELETE\nZohoCRM.share.invoices.READ\nZohoCRM.share.invoices.UPDATE\nZohoCRM.share.leads.ALL\nZohoCRM.share.leads.CREATE\nZohoCRM.share.leads.DELETE\nZohoCRM.share.leads.READ\nZohoCRM.share.leads.UPDATE\nZohoCRM.share.pricebooks.ALL\nZohoCRM.share.pricebooks.CREATE\nZohoCRM.share.pricebooks.DELETE\nZohoCRM.share.pricebooks.READ\nZohoCRM.share.pricebooks.UPDATE\nZohoCRM.share.products.ALL\nZohoCRM.share.products.CREATE\nZohoCRM.share.products.DELETE\nZohoCRM.share.products.READ\nZohoCRM.share.products.UPDATE\nZohoCRM.share.purchaseorders.ALL\nZohoCRM.share.purchaseorders.CREATE\nZohoCRM.share.purchaseorders.DELETE\nZohoCRM.share.purchaseorders.READ\nZohoCRM.share.purchaseorders.UPDATE\nZohoCRM.share.quotes.ALL\nZohoCRM.share.quotes.CREATE\nZohoCRM.share.quotes.DELETE\nZohoCRM.share.quotes.READ\nZohoCRM.share.quotes.UPDATE\nZohoCRM.share.salesorders.ALL\nZohoCRM.share.salesorders.CREATE\nZohoCRM.share.salesorders.DELETE\nZohoCRM.share.salesorders.READ\nZohoCRM.share.salesorders.UPDATE\nZohoCRM.share.solutions.ALL\nZohoCRM.share.solutions.CREATE\nZohoCRM.share.solutions.DELETE\nZohoCRM.share.solutions.READ\nZohoCRM.share.solutions.UPDATE\nZohoCRM.share.tasks.ALL\nZohoCRM.share.tasks.CREATE\nZohoCRM.share.tasks.DELETE\nZohoCRM.share.tasks.READ\nZohoCRM.share.tasks.UPDATE\nZohoCRM.share.vendors.ALL\nZohoCRM.share.vendors.CREATE\nZohoCRM.share.vendors.DELETE\nZohoCRM.share.vendors.READ\nZohoCRM.share.vendors.UPDATE\nZohoCRM.templates.ALL\nZohoCRM.templates.CREATE\nZohoCRM.templates.DELETE\nZohoCRM.templates.READ\nZohoCRM.templates.UPDATE\nZohoCRM.users.ALL\nZohoCRM.users.CREATE\nZohoCRM.users.DELETE\nZohoCRM.users.READ\nZohoCRM.users.UPDATE\nZohoCRM.zia.ALL\nZohoCRM.zia.CREATE\nZohoCRM.zia.DELETE\nZohoCRM.zia.READ\nZohoCRM.zia.UPDATE",
        ),
        default: ::std::borrow::Cow::Borrowed(&[]),
    }),
    errors: ::std::borrow::Cow::Borrowed(
        &[
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("NO_SUCH_USER"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("CAUSE"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("NO_SUCH_USER"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "No Zoho user with that e-mail address or user name.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("INVALID_PASSWORD"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("CAUSE"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("INVALID_PASSWORD"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("The password is wrong."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("INVALID_CREDENTIALS"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("CAUSE"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("INVALID_CREDENTIALS"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("The user name or password is wrong."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("WEB_LOGIN_REQUIRED"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("CAUSE"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("WEB_LOGIN_REQUIRED"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Two-factor authentication is on for this account: use an application-specific password instead of the account password.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed(
                    "EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS",
                ),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("CAUSE"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed(
                                            "EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS",
                                        ),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::QuotaExhausted,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The user has too many authtokens: delete some under \"Active Authtoken\" in Zoho Accounts.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("ACCOUNT_REGISTRATION_NOT_CONFIRMED"),
                at: ::oauth_providers::__private::model::ErrorSite::TokenEndpoint,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("CAUSE"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed(
                                            "ACCOUNT_REGISTRATION_NOT_CONFIRMED",
                                        ),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessDenied,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "The Zoho account's registration has not been confirmed.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("4834"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("response.error.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("4834"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::AccessTokenInvalid,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed(
                        "Invalid ticket, or the ticket (authtoken) has expired.",
                    ),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("4820"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("response.error.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("4820"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::RateLimited,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("Rate limit exceeded."),
                ),
            },
            ::oauth_providers::__private::model::ErrorRuleDef {
                code: ::std::borrow::Cow::Borrowed("4421"),
                at: ::oauth_providers::__private::model::ErrorSite::Api,
                status: ::std::option::Option::None,
                when: ::std::borrow::Cow::Borrowed(
                    &[
                        ::oauth_providers::__private::model::FieldTest {
                            path: ::std::borrow::Cow::Borrowed("response.error.code"),
                            values: ::std::borrow::Cow::Borrowed(
                                &[
                                    ::oauth_providers::__private::model::ScalarDef::Str(
                                        ::std::borrow::Cow::Borrowed("4421"),
                                    ),
                                ],
                            ),
                        },
                    ],
                ),
                meaning: ::oauth_providers::__private::model::ErrorMeaning::QuotaExhausted,
                description: ::std::option::Option::Some(
                    ::std::borrow::Cow::Borrowed("The API call count has been exceeded."),
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
/**A typed OAuth client for Zoho CRM.

Zoho CRM API v8 with Zoho Accounts OAuth 2.0. Register the client in the Zoho developer console (JavaScript, web-based, mobile, non-browser mobile or self client); ask for `access_type=offline` to get a refresh token.

Provider documentation: <https://www.zoho.com/crm/developer/docs/api/v8/oauth-overview.html>

# Endpoints

- `api`: `GET {data_center.api_domain}/crm/v8`
- `legacy_authtoken`: `POST {data_center.accounts}/apiauthtoken/nb/create`
- `authorize`: `GET {data_center.accounts}/oauth/v2/auth`
- `token`: `POST {data_center.accounts}/oauth/v2/token`
- `revoke`: `POST {data_center.accounts}/oauth/v2/token/revoke`

# Grants

- authorization code ([`Self::authorize`])
- refresh ([`Self::refresh`])
- legacy_authtoken ([`Self::legacy_authtoken`])

Client authentication: `query`. Tokens are sent as `Authorization: Zoho-oauthtoken <token>`.

# Lifetimes

- authorization code: 2 minutes
- access token: 1 hour
- refresh token: never expires

The runtime renews tokens 1 minute before they expire.

# Limits

- at most 20 refresh tokens per user (past it: reject): A user can hold at most 20 refresh tokens; past that the token request fails with "Access Denied". Revoke old refresh tokens before making new ones.
- at most 30 access tokens per refresh token (past it: evict oldest): Each refresh token can have at most 30 active access tokens; minting the 31st deletes the oldest, whether or not it was still valid.
- at most 10 authorization codes per 10 minutes per client: At most 10 grant tokens per 10 minutes per client id; past that, `access_denied` for the rest of the window.
- at most 10 refreshes per 10 minutes per refresh token: At most 10 access tokens per refresh token in 10 minutes; past that, "Access Denied".*/
#[derive(Clone, Debug)]
pub struct ZohoCRM {
    client: ::oauth_providers::__private::rt::Client,
}
#[doc = concat!("Configures a [`", stringify!(ZohoCRM), "`] client.")]
#[derive(Debug)]
#[must_use]
pub struct ZohoCRMBuilder {
    inner: ::oauth_providers::__private::rt::ClientBuilder,
}
#[allow(deprecated)]
impl ZohoCRMBuilder {
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
    ) -> ::std::result::Result<ZohoCRM, ::oauth_providers::__private::rt::Error> {
        ::std::result::Result::Ok(ZohoCRM {
            client: self.inner.build()?,
        })
    }
}
#[allow(deprecated)]
impl ZohoCRM {
    ///Creates a client with the default settings for every optional variable.
    pub fn new(
        credentials: ::oauth_providers::__private::rt::Credentials,
    ) -> ::std::result::Result<Self, ::oauth_providers::__private::rt::Error> {
        Self::builder(credentials).build()
    }
    ///Starts configuring a Zoho CRM client.
    pub fn builder(
        credentials: ::oauth_providers::__private::rt::Credentials,
    ) -> ZohoCRMBuilder {
        ZohoCRMBuilder {
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
    pub fn authorize(&self) -> ZohoCRMAuthorize<'_> {
        ZohoCRMAuthorize {
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
    /**Generates a permanent, user-specific CRM API v1 authtoken from the user's e-mail and an application-specific password. The token cannot be viewed again once made, is revoked from the Zoho Accounts page ("Active Authtoken"), and stops working when the user is deactivated.

Arguments:
- `email_id`: sent as `EMAIL_ID`
- `password`: sent as `PASSWORD` (secret)
- `display_name`: sent as `DISPLAY_NAME`*/
    #[deprecated(
        since = "0.1.0",
        note = "Zoho CRM API v1.0 was retired on 2018-12-31; use the authorization code grant (`authorize()`) instead"
    )]
    pub async fn legacy_authtoken(
        &self,
        email_id: &str,
        password: ::oauth_providers::__private::rt::Password,
        display_name: &str,
    ) -> ::std::result::Result<
        ::oauth_providers::__private::rt::TokenSet,
        ::oauth_providers::__private::rt::Error,
    > {
        self.client
            .custom_grant(
                "legacy_authtoken",
                &[
                    (
                        "email_id",
                        ::oauth_providers::__private::rt::ParamValue::Text(
                            ::std::string::ToString::to_string(email_id),
                        ),
                    ),
                    (
                        "password",
                        ::oauth_providers::__private::rt::ParamValue::Secret(password),
                    ),
                    (
                        "display_name",
                        ::oauth_providers::__private::rt::ParamValue::Text(
                            ::std::string::ToString::to_string(display_name),
                        ),
                    ),
                ],
            )
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
///An authorization request to Zoho CRM; finish it with [`ZohoCRMAuthorize::url`].
#[derive(Debug)]
#[must_use]
pub struct ZohoCRMAuthorize<'a> {
    client: &'a ::oauth_providers::__private::rt::Client,
    params: ::oauth_providers::__private::rt::AuthorizeParams,
}
impl ZohoCRMAuthorize<'_> {
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
///The 323 scopes of Zoho CRM, one constant each, at paths that mirror `ZohoCRM.{scope}.{operation}`.
#[allow(non_snake_case, non_upper_case_globals, non_camel_case_types)]
pub mod scopes {
    /**A scope of Zoho CRM: only the constants of this module make one, so a scope of another provider is a type error.

Syntax: `ZohoCRM.{scope}.{operation}`; joined with `","` in requests.*/
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Scope(&'static str);
    impl Scope {
        /// The scope as the provider spells it.
        pub const fn as_str(self) -> &'static str {
            self.0
        }
        /// How many scopes the catalogue has.
        pub const COUNT: usize = 323usize;
        /// Every scope of the catalogue, sorted.
        pub fn all() -> impl ::std::iter::Iterator<Item = Scope> + ::std::clone::Clone {
            "ZohoCRM.bulk.ALL\nZohoCRM.bulk.CREATE\nZohoCRM.bulk.READ\nZohoCRM.bulk.backup.ALL\nZohoCRM.coql.READ\nZohoCRM.files.CREATE\nZohoCRM.files.READ\nZohoCRM.mass_convert.Quotes.CREATE\nZohoCRM.mass_convert.Quotes.READ\nZohoCRM.mass_convert.leads.CREATE\nZohoCRM.mass_convert.leads.READ\nZohoCRM.modules.ALL\nZohoCRM.modules.CREATE\nZohoCRM.modules.DELETE\nZohoCRM.modules.READ\nZohoCRM.modules.UPDATE\nZohoCRM.modules.accounts.ALL\nZohoCRM.modules.accounts.CREATE\nZohoCRM.modules.accounts.DELETE\nZohoCRM.modules.accounts.READ\nZohoCRM.modules.accounts.UPDATE\nZohoCRM.modules.activities.ALL\nZohoCRM.modules.activities.CREATE\nZohoCRM.modules.activities.DELETE\nZohoCRM.modules.activities.READ\nZohoCRM.modules.activities.UPDATE\nZohoCRM.modules.approvals.ALL\nZohoCRM.modules.approvals.CREATE\nZohoCRM.modules.approvals.DELETE\nZohoCRM.modules.approvals.READ\nZohoCRM.modules.approvals.UPDATE\nZohoCRM.modules.attachments.ALL\nZohoCRM.modules.attachments.CREATE\nZohoCRM.modules.attachments.DELETE\nZohoCRM.modules.attachments.READ\nZohoCRM.modules.attachments.UPDATE\nZohoCRM.modules.calls.ALL\nZohoCRM.modules.calls.CREATE\nZohoCRM.modules.calls.DELETE\nZohoCRM.modules.calls.READ\nZohoCRM.modules.calls.UPDATE\nZohoCRM.modules.campaigns.ALL\nZohoCRM.modules.campaigns.CREATE\nZohoCRM.modules.campaigns.DELETE\nZohoCRM.modules.campaigns.READ\nZohoCRM.modules.campaigns.UPDATE\nZohoCRM.modules.cases.ALL\nZohoCRM.modules.cases.CREATE\nZohoCRM.modules.cases.DELETE\nZohoCRM.modules.cases.READ\nZohoCRM.modules.cases.UPDATE\nZohoCRM.modules.contacts.ALL\nZohoCRM.modules.contacts.CREATE\nZohoCRM.modules.contacts.DELETE\nZohoCRM.modules.contacts.READ\nZohoCRM.modules.contacts.UPDATE\nZohoCRM.modules.custom.ALL\nZohoCRM.modules.custom.CREATE\nZohoCRM.modules.custom.DELETE\nZohoCRM.modules.custom.READ\nZohoCRM.modules.custom.UPDATE\nZohoCRM.modules.dashboards.ALL\nZohoCRM.modules.dashboards.CREATE\nZohoCRM.modules.dashboards.DELETE\nZohoCRM.modules.dashboards.READ\nZohoCRM.modules.dashboards.UPDATE\nZohoCRM.modules.deals.ALL\nZohoCRM.modules.deals.CREATE\nZohoCRM.modules.deals.DELETE\nZohoCRM.modules.deals.READ\nZohoCRM.modules.deals.UPDATE\nZohoCRM.modules.events.ALL\nZohoCRM.modules.events.CREATE\nZohoCRM.modules.events.DELETE\nZohoCRM.modules.events.READ\nZohoCRM.modules.events.UPDATE\nZohoCRM.modules.invoices.ALL\nZohoCRM.modules.invoices.CREATE\nZohoCRM.modules.invoices.DELETE\nZohoCRM.modules.invoices.READ\nZohoCRM.modules.invoices.UPDATE\nZohoCRM.modules.leads.ALL\nZohoCRM.modules.leads.CREATE\nZohoCRM.modules.leads.DELETE\nZohoCRM.modules.leads.READ\nZohoCRM.modules.leads.UPDATE\nZohoCRM.modules.notes.ALL\nZohoCRM.modules.notes.CREATE\nZohoCRM.modules.notes.DELETE\nZohoCRM.modules.notes.READ\nZohoCRM.modules.notes.UPDATE\nZohoCRM.modules.pricebooks.ALL\nZohoCRM.modules.pricebooks.CREATE\nZohoCRM.modules.pricebooks.DELETE\nZohoCRM.modules.pricebooks.READ\nZohoCRM.modules.pricebooks.UPDATE\nZohoCRM.modules.products.ALL\nZohoCRM.modules.products.CREATE\nZohoCRM.modules.products.DELETE\nZohoCRM.modules.products.READ\nZohoCRM.modules.products.UPDATE\nZohoCRM.modules.purchaseorders.ALL\nZohoCRM.modules.purchaseorders.CREATE\nZohoCRM.modules.purchaseorders.DELETE\nZohoCRM.modules.purchaseorders.READ\nZohoCRM.modules.purchaseorders.UPDATE\nZohoCRM.modules.quotes.ALL\nZohoCRM.modules.quotes.CREATE\nZohoCRM.modules.quotes.DELETE\nZohoCRM.modules.quotes.READ\nZohoCRM.modules.quotes.UPDATE\nZohoCRM.modules.salesorders.ALL\nZohoCRM.modules.salesorders.CREATE\nZohoCRM.modules.salesorders.DELETE\nZohoCRM.modules.salesorders.READ\nZohoCRM.modules.salesorders.UPDATE\nZohoCRM.modules.solutions.ALL\nZohoCRM.modules.solutions.CREATE\nZohoCRM.modules.solutions.DELETE\nZohoCRM.modules.solutions.READ\nZohoCRM.modules.solutions.UPDATE\nZohoCRM.modules.tasks.ALL\nZohoCRM.modules.tasks.CREATE\nZohoCRM.modules.tasks.DELETE\nZohoCRM.modules.tasks.READ\nZohoCRM.modules.tasks.UPDATE\nZohoCRM.modules.vendors.ALL\nZohoCRM.modules.vendors.CREATE\nZohoCRM.modules.vendors.DELETE\nZohoCRM.modules.vendors.READ\nZohoCRM.modules.vendors.UPDATE\nZohoCRM.notifications.ALL\nZohoCRM.notifications.CREATE\nZohoCRM.notifications.DELETE\nZohoCRM.notifications.READ\nZohoCRM.notifications.UPDATE\nZohoCRM.org.ALL\nZohoCRM.org.CREATE\nZohoCRM.org.DELETE\nZohoCRM.org.READ\nZohoCRM.org.UPDATE\nZohoCRM.settings.ALL\nZohoCRM.settings.READ\nZohoCRM.settings.currencies.ALL\nZohoCRM.settings.currencies.CREATE\nZohoCRM.settings.currencies.DELETE\nZohoCRM.settings.currencies.READ\nZohoCRM.settings.currencies.UPDATE\nZohoCRM.settings.custom_buttons.ALL\nZohoCRM.settings.custom_buttons.CREATE\nZohoCRM.settings.custom_buttons.DELETE\nZohoCRM.settings.custom_buttons.READ\nZohoCRM.settings.custom_buttons.UPDATE\nZohoCRM.settings.custom_links.ALL\nZohoCRM.settings.custom_links.CREATE\nZohoCRM.settings.custom_links.DELETE\nZohoCRM.settings.custom_links.READ\nZohoCRM.settings.custom_links.UPDATE\nZohoCRM.settings.custom_views.ALL\nZohoCRM.settings.custom_views.CREATE\nZohoCRM.settings.custom_views.DELETE\nZohoCRM.settings.custom_views.READ\nZohoCRM.settings.custom_views.UPDATE\nZohoCRM.settings.fields.ALL\nZohoCRM.settings.fields.CREATE\nZohoCRM.settings.fields.DELETE\nZohoCRM.settings.fields.READ\nZohoCRM.settings.fields.UPDATE\nZohoCRM.settings.layouts.ALL\nZohoCRM.settings.layouts.CREATE\nZohoCRM.settings.layouts.DELETE\nZohoCRM.settings.layouts.READ\nZohoCRM.settings.layouts.UPDATE\nZohoCRM.settings.macros.ALL\nZohoCRM.settings.macros.CREATE\nZohoCRM.settings.macros.DELETE\nZohoCRM.settings.macros.READ\nZohoCRM.settings.macros.UPDATE\nZohoCRM.settings.modules.ALL\nZohoCRM.settings.modules.CREATE\nZohoCRM.settings.modules.DELETE\nZohoCRM.settings.modules.READ\nZohoCRM.settings.modules.UPDATE\nZohoCRM.settings.profiles.ALL\nZohoCRM.settings.profiles.CREATE\nZohoCRM.settings.profiles.DELETE\nZohoCRM.settings.profiles.READ\nZohoCRM.settings.profiles.UPDATE\nZohoCRM.settings.related_lists.ALL\nZohoCRM.settings.related_lists.CREATE\nZohoCRM.settings.related_lists.DELETE\nZohoCRM.settings.related_lists.READ\nZohoCRM.settings.related_lists.UPDATE\nZohoCRM.settings.roles.ALL\nZohoCRM.settings.roles.CREATE\nZohoCRM.settings.roles.DELETE\nZohoCRM.settings.roles.READ\nZohoCRM.settings.roles.UPDATE\nZohoCRM.settings.tab_groups.ALL\nZohoCRM.settings.tab_groups.CREATE\nZohoCRM.settings.tab_groups.DELETE\nZohoCRM.settings.tab_groups.READ\nZohoCRM.settings.tab_groups.UPDATE\nZohoCRM.settings.tags.ALL\nZohoCRM.settings.tags.CREATE\nZohoCRM.settings.tags.DELETE\nZohoCRM.settings.tags.READ\nZohoCRM.settings.tags.UPDATE\nZohoCRM.settings.territories.ALL\nZohoCRM.settings.territories.CREATE\nZohoCRM.settings.territories.DELETE\nZohoCRM.settings.territories.READ\nZohoCRM.settings.territories.UPDATE\nZohoCRM.settings.variables.ALL\nZohoCRM.settings.variables.CREATE\nZohoCRM.settings.variables.DELETE\nZohoCRM.settings.variables.READ\nZohoCRM.settings.variables.UPDATE\nZohoCRM.share.accounts.ALL\nZohoCRM.share.accounts.CREATE\nZohoCRM.share.accounts.DELETE\nZohoCRM.share.accounts.READ\nZohoCRM.share.accounts.UPDATE\nZohoCRM.share.calls.ALL\nZohoCRM.share.calls.CREATE\nZohoCRM.share.calls.DELETE\nZohoCRM.share.calls.READ\nZohoCRM.share.calls.UPDATE\nZohoCRM.share.campaigns.ALL\nZohoCRM.share.campaigns.CREATE\nZohoCRM.share.campaigns.DELETE\nZohoCRM.share.campaigns.READ\nZohoCRM.share.campaigns.UPDATE\nZohoCRM.share.cases.ALL\nZohoCRM.share.cases.CREATE\nZohoCRM.share.cases.DELETE\nZohoCRM.share.cases.READ\nZohoCRM.share.cases.UPDATE\nZohoCRM.share.contacts.ALL\nZohoCRM.share.contacts.CREATE\nZohoCRM.share.contacts.DELETE\nZohoCRM.share.contacts.READ\nZohoCRM.share.contacts.UPDATE\nZohoCRM.share.custom.ALL\nZohoCRM.share.custom.CREATE\nZohoCRM.share.custom.DELETE\nZohoCRM.share.custom.READ\nZohoCRM.share.custom.UPDATE\nZohoCRM.share.deals.ALL\nZohoCRM.share.deals.CREATE\nZohoCRM.share.deals.DELETE\nZohoCRM.share.deals.READ\nZohoCRM.share.deals.UPDATE\nZohoCRM.share.events.ALL\nZohoCRM.share.events.CREATE\nZohoCRM.share.events.DELETE\nZohoCRM.share.events.READ\nZohoCRM.share.events.UPDATE\nZohoCRM.share.invoices.ALL\nZohoCRM.share.invoices.CREATE\nZohoCRM.share.invoices.DELETE\nZohoCRM.share.invoices.READ\nZohoCRM.share.invoices.UPDATE\nZohoCRM.share.leads.ALL\nZohoCRM.share.leads.CREATE\nZohoCRM.share.leads.DELETE\nZohoCRM.share.leads.READ\nZohoCRM.share.leads.UPDATE\nZohoCRM.share.pricebooks.ALL\nZohoCRM.share.pricebooks.CREATE\nZohoCRM.share.pricebooks.DELETE\nZohoCRM.share.pricebooks.READ\nZohoCRM.share.pricebooks.UPDATE\nZohoCRM.share.products.ALL\nZohoCRM.share.products.CREATE\nZohoCRM.share.products.DELETE\nZohoCRM.share.products.READ\nZohoCRM.share.products.UPDATE\nZohoCRM.share.purchaseorders.ALL\nZohoCRM.share.purchaseorders.CREATE\nZohoCRM.share.purchaseorders.DELETE\nZohoCRM.share.purchaseorders.READ\nZohoCRM.share.purchaseorders.UPDATE\nZohoCRM.share.quotes.ALL\nZohoCRM.share.quotes.CREATE\nZohoCRM.share.quotes.DELETE\nZohoCRM.share.quotes.READ\nZohoCRM.share.quotes.UPDATE\nZohoCRM.share.salesorders.ALL\nZohoCRM.share.salesorders.CREATE\nZohoCRM.share.salesorders.DELETE\nZohoCRM.share.salesorders.READ\nZohoCRM.share.salesorders.UPDATE\nZohoCRM.share.solutions.ALL\nZohoCRM.share.solutions.CREATE\nZohoCRM.share.solutions.DELETE\nZohoCRM.share.solutions.READ\nZohoCRM.share.solutions.UPDATE\nZohoCRM.share.tasks.ALL\nZohoCRM.share.tasks.CREATE\nZohoCRM.share.tasks.DELETE\nZohoCRM.share.tasks.READ\nZohoCRM.share.tasks.UPDATE\nZohoCRM.share.vendors.ALL\nZohoCRM.share.vendors.CREATE\nZohoCRM.share.vendors.DELETE\nZohoCRM.share.vendors.READ\nZohoCRM.share.vendors.UPDATE\nZohoCRM.templates.ALL\nZohoCRM.templates.CREATE\nZohoCRM.templates.DELETE\nZohoCRM.templates.READ\nZohoCRM.templates.UPDATE\nZohoCRM.users.ALL\nZohoCRM.users.CREATE\nZohoCRM.users.DELETE\nZohoCRM.users.READ\nZohoCRM.users.UPDATE\nZohoCRM.zia.ALL\nZohoCRM.zia.CREATE\nZohoCRM.zia.DELETE\nZohoCRM.zia.READ\nZohoCRM.zia.UPDATE"
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
    ///Scopes under `bulk`.
    pub mod bulk {
        ///`ZohoCRM.bulk.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.bulk.ALL");
        ///`ZohoCRM.bulk.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.bulk.CREATE");
        ///`ZohoCRM.bulk.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.bulk.READ");
        ///Scopes under `backup`.
        pub mod backup {
            ///`ZohoCRM.bulk.backup.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.bulk.backup.ALL",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.bulk.backup.ALL`
                pub ALL: super::super::Scope,
            }
            /// This level's scopes.
            pub const TREE: Tree = Tree { ALL };
        }
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.bulk.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.bulk.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.bulk.READ`
            pub READ: super::Scope,
            ///Scopes under `backup`.
            pub backup: backup::Tree,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            READ,
            backup: backup::TREE,
        };
    }
    ///Scopes under `coql`.
    pub mod coql {
        ///`ZohoCRM.coql.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.coql.READ");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.coql.READ`
            pub READ: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree { READ };
    }
    ///Scopes under `files`.
    pub mod files {
        ///`ZohoCRM.files.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.files.CREATE");
        ///`ZohoCRM.files.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.files.READ");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.files.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.files.READ`
            pub READ: super::Scope,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree { CREATE, READ };
    }
    ///Scopes under `mass_convert`.
    pub mod mass_convert {
        ///Scopes under `Quotes`.
        pub mod Quotes {
            ///`ZohoCRM.mass_convert.Quotes.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.mass_convert.Quotes.CREATE",
            );
            ///`ZohoCRM.mass_convert.Quotes.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.mass_convert.Quotes.READ",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.mass_convert.Quotes.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.mass_convert.Quotes.READ`
                pub READ: super::super::Scope,
            }
            /// This level's scopes.
            pub const TREE: Tree = Tree { CREATE, READ };
        }
        ///Scopes under `leads`.
        pub mod leads {
            ///`ZohoCRM.mass_convert.leads.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.mass_convert.leads.CREATE",
            );
            ///`ZohoCRM.mass_convert.leads.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.mass_convert.leads.READ",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.mass_convert.leads.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.mass_convert.leads.READ`
                pub READ: super::super::Scope,
            }
            /// This level's scopes.
            pub const TREE: Tree = Tree { CREATE, READ };
        }
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///Scopes under `Quotes`.
            pub Quotes: Quotes::Tree,
            ///Scopes under `leads`.
            pub leads: leads::Tree,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            Quotes: Quotes::TREE,
            leads: leads::TREE,
        };
    }
    ///Scopes under `modules`.
    pub mod modules {
        ///`ZohoCRM.modules.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.modules.ALL");
        ///`ZohoCRM.modules.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.modules.CREATE");
        ///`ZohoCRM.modules.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoCRM.modules.DELETE");
        ///`ZohoCRM.modules.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.modules.READ");
        ///`ZohoCRM.modules.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoCRM.modules.UPDATE");
        ///Scopes under `accounts`.
        pub mod accounts {
            ///`ZohoCRM.modules.accounts.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.accounts.ALL",
            );
            ///`ZohoCRM.modules.accounts.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.accounts.CREATE",
            );
            ///`ZohoCRM.modules.accounts.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.accounts.DELETE",
            );
            ///`ZohoCRM.modules.accounts.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.accounts.READ",
            );
            ///`ZohoCRM.modules.accounts.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.accounts.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.accounts.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.accounts.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.accounts.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.accounts.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.accounts.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `activities`.
        pub mod activities {
            ///`ZohoCRM.modules.activities.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.activities.ALL",
            );
            ///`ZohoCRM.modules.activities.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.activities.CREATE",
            );
            ///`ZohoCRM.modules.activities.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.activities.DELETE",
            );
            ///`ZohoCRM.modules.activities.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.activities.READ",
            );
            ///`ZohoCRM.modules.activities.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.activities.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.activities.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.activities.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.activities.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.activities.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.activities.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `approvals`.
        pub mod approvals {
            ///`ZohoCRM.modules.approvals.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.approvals.ALL",
            );
            ///`ZohoCRM.modules.approvals.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.approvals.CREATE",
            );
            ///`ZohoCRM.modules.approvals.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.approvals.DELETE",
            );
            ///`ZohoCRM.modules.approvals.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.approvals.READ",
            );
            ///`ZohoCRM.modules.approvals.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.approvals.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.approvals.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.approvals.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.approvals.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.approvals.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.approvals.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `attachments`.
        pub mod attachments {
            ///`ZohoCRM.modules.attachments.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.attachments.ALL",
            );
            ///`ZohoCRM.modules.attachments.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.attachments.CREATE",
            );
            ///`ZohoCRM.modules.attachments.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.attachments.DELETE",
            );
            ///`ZohoCRM.modules.attachments.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.attachments.READ",
            );
            ///`ZohoCRM.modules.attachments.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.attachments.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.attachments.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.attachments.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.attachments.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.attachments.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.attachments.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `calls`.
        pub mod calls {
            ///`ZohoCRM.modules.calls.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.calls.ALL",
            );
            ///`ZohoCRM.modules.calls.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.calls.CREATE",
            );
            ///`ZohoCRM.modules.calls.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.calls.DELETE",
            );
            ///`ZohoCRM.modules.calls.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.calls.READ",
            );
            ///`ZohoCRM.modules.calls.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.calls.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.calls.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.calls.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.calls.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.calls.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.calls.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `campaigns`.
        pub mod campaigns {
            ///`ZohoCRM.modules.campaigns.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.campaigns.ALL",
            );
            ///`ZohoCRM.modules.campaigns.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.campaigns.CREATE",
            );
            ///`ZohoCRM.modules.campaigns.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.campaigns.DELETE",
            );
            ///`ZohoCRM.modules.campaigns.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.campaigns.READ",
            );
            ///`ZohoCRM.modules.campaigns.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.campaigns.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.campaigns.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.campaigns.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.campaigns.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.campaigns.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.campaigns.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `cases`.
        pub mod cases {
            ///`ZohoCRM.modules.cases.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.cases.ALL",
            );
            ///`ZohoCRM.modules.cases.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.cases.CREATE",
            );
            ///`ZohoCRM.modules.cases.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.cases.DELETE",
            );
            ///`ZohoCRM.modules.cases.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.cases.READ",
            );
            ///`ZohoCRM.modules.cases.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.cases.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.cases.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.cases.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.cases.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.cases.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.cases.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `contacts`.
        pub mod contacts {
            ///`ZohoCRM.modules.contacts.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.contacts.ALL",
            );
            ///`ZohoCRM.modules.contacts.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.contacts.CREATE",
            );
            ///`ZohoCRM.modules.contacts.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.contacts.DELETE",
            );
            ///`ZohoCRM.modules.contacts.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.contacts.READ",
            );
            ///`ZohoCRM.modules.contacts.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.contacts.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.contacts.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.contacts.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.contacts.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.contacts.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.contacts.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `custom`.
        pub mod custom {
            ///`ZohoCRM.modules.custom.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.custom.ALL",
            );
            ///`ZohoCRM.modules.custom.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.custom.CREATE",
            );
            ///`ZohoCRM.modules.custom.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.custom.DELETE",
            );
            ///`ZohoCRM.modules.custom.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.custom.READ",
            );
            ///`ZohoCRM.modules.custom.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.custom.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.custom.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.custom.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.custom.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.custom.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.custom.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `dashboards`.
        pub mod dashboards {
            ///`ZohoCRM.modules.dashboards.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.dashboards.ALL",
            );
            ///`ZohoCRM.modules.dashboards.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.dashboards.CREATE",
            );
            ///`ZohoCRM.modules.dashboards.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.dashboards.DELETE",
            );
            ///`ZohoCRM.modules.dashboards.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.dashboards.READ",
            );
            ///`ZohoCRM.modules.dashboards.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.dashboards.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.dashboards.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.dashboards.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.dashboards.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.dashboards.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.dashboards.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `deals`.
        pub mod deals {
            ///`ZohoCRM.modules.deals.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.deals.ALL",
            );
            ///`ZohoCRM.modules.deals.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.deals.CREATE",
            );
            ///`ZohoCRM.modules.deals.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.deals.DELETE",
            );
            ///`ZohoCRM.modules.deals.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.deals.READ",
            );
            ///`ZohoCRM.modules.deals.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.deals.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.deals.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.deals.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.deals.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.deals.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.deals.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.modules.events.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.events.ALL",
            );
            ///`ZohoCRM.modules.events.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.events.CREATE",
            );
            ///`ZohoCRM.modules.events.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.events.DELETE",
            );
            ///`ZohoCRM.modules.events.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.events.READ",
            );
            ///`ZohoCRM.modules.events.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.events.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.events.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.events.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.events.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.events.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.events.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `invoices`.
        pub mod invoices {
            ///`ZohoCRM.modules.invoices.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.invoices.ALL",
            );
            ///`ZohoCRM.modules.invoices.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.invoices.CREATE",
            );
            ///`ZohoCRM.modules.invoices.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.invoices.DELETE",
            );
            ///`ZohoCRM.modules.invoices.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.invoices.READ",
            );
            ///`ZohoCRM.modules.invoices.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.invoices.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.invoices.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.invoices.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.invoices.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.invoices.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.invoices.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `leads`.
        pub mod leads {
            ///`ZohoCRM.modules.leads.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.leads.ALL",
            );
            ///`ZohoCRM.modules.leads.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.leads.CREATE",
            );
            ///`ZohoCRM.modules.leads.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.leads.DELETE",
            );
            ///`ZohoCRM.modules.leads.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.leads.READ",
            );
            ///`ZohoCRM.modules.leads.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.leads.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.leads.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.leads.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.leads.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.leads.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.leads.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `notes`.
        pub mod notes {
            ///`ZohoCRM.modules.notes.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.notes.ALL",
            );
            ///`ZohoCRM.modules.notes.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.notes.CREATE",
            );
            ///`ZohoCRM.modules.notes.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.notes.DELETE",
            );
            ///`ZohoCRM.modules.notes.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.notes.READ",
            );
            ///`ZohoCRM.modules.notes.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.notes.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.notes.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.notes.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.notes.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.notes.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.notes.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `pricebooks`.
        pub mod pricebooks {
            ///`ZohoCRM.modules.pricebooks.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.pricebooks.ALL",
            );
            ///`ZohoCRM.modules.pricebooks.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.pricebooks.CREATE",
            );
            ///`ZohoCRM.modules.pricebooks.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.pricebooks.DELETE",
            );
            ///`ZohoCRM.modules.pricebooks.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.pricebooks.READ",
            );
            ///`ZohoCRM.modules.pricebooks.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.pricebooks.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.pricebooks.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.pricebooks.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.pricebooks.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.pricebooks.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.pricebooks.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `products`.
        pub mod products {
            ///`ZohoCRM.modules.products.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.products.ALL",
            );
            ///`ZohoCRM.modules.products.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.products.CREATE",
            );
            ///`ZohoCRM.modules.products.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.products.DELETE",
            );
            ///`ZohoCRM.modules.products.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.products.READ",
            );
            ///`ZohoCRM.modules.products.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.products.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.products.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.products.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.products.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.products.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.products.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `purchaseorders`.
        pub mod purchaseorders {
            ///`ZohoCRM.modules.purchaseorders.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.purchaseorders.ALL",
            );
            ///`ZohoCRM.modules.purchaseorders.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.purchaseorders.CREATE",
            );
            ///`ZohoCRM.modules.purchaseorders.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.purchaseorders.DELETE",
            );
            ///`ZohoCRM.modules.purchaseorders.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.purchaseorders.READ",
            );
            ///`ZohoCRM.modules.purchaseorders.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.purchaseorders.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.purchaseorders.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.purchaseorders.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.purchaseorders.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.purchaseorders.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.purchaseorders.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `quotes`.
        pub mod quotes {
            ///`ZohoCRM.modules.quotes.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.quotes.ALL",
            );
            ///`ZohoCRM.modules.quotes.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.quotes.CREATE",
            );
            ///`ZohoCRM.modules.quotes.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.quotes.DELETE",
            );
            ///`ZohoCRM.modules.quotes.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.quotes.READ",
            );
            ///`ZohoCRM.modules.quotes.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.quotes.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.quotes.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.quotes.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.quotes.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.quotes.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.quotes.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `salesorders`.
        pub mod salesorders {
            ///`ZohoCRM.modules.salesorders.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.salesorders.ALL",
            );
            ///`ZohoCRM.modules.salesorders.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.salesorders.CREATE",
            );
            ///`ZohoCRM.modules.salesorders.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.salesorders.DELETE",
            );
            ///`ZohoCRM.modules.salesorders.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.salesorders.READ",
            );
            ///`ZohoCRM.modules.salesorders.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.salesorders.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.salesorders.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.salesorders.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.salesorders.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.salesorders.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.salesorders.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `solutions`.
        pub mod solutions {
            ///`ZohoCRM.modules.solutions.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.solutions.ALL",
            );
            ///`ZohoCRM.modules.solutions.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.solutions.CREATE",
            );
            ///`ZohoCRM.modules.solutions.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.solutions.DELETE",
            );
            ///`ZohoCRM.modules.solutions.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.solutions.READ",
            );
            ///`ZohoCRM.modules.solutions.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.solutions.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.solutions.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.solutions.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.solutions.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.solutions.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.solutions.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.modules.tasks.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.tasks.ALL",
            );
            ///`ZohoCRM.modules.tasks.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.tasks.CREATE",
            );
            ///`ZohoCRM.modules.tasks.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.tasks.DELETE",
            );
            ///`ZohoCRM.modules.tasks.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.tasks.READ",
            );
            ///`ZohoCRM.modules.tasks.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.tasks.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.tasks.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.tasks.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.tasks.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.tasks.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.tasks.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `vendors`.
        pub mod vendors {
            ///`ZohoCRM.modules.vendors.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.vendors.ALL",
            );
            ///`ZohoCRM.modules.vendors.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.vendors.CREATE",
            );
            ///`ZohoCRM.modules.vendors.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.vendors.DELETE",
            );
            ///`ZohoCRM.modules.vendors.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.vendors.READ",
            );
            ///`ZohoCRM.modules.vendors.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.modules.vendors.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.modules.vendors.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.modules.vendors.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.modules.vendors.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.modules.vendors.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.modules.vendors.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.modules.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.modules.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.modules.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoCRM.modules.READ`
            pub READ: super::Scope,
            ///`ZohoCRM.modules.UPDATE`
            pub UPDATE: super::Scope,
            ///Scopes under `accounts`.
            pub accounts: accounts::Tree,
            ///Scopes under `activities`.
            pub activities: activities::Tree,
            ///Scopes under `approvals`.
            pub approvals: approvals::Tree,
            ///Scopes under `attachments`.
            pub attachments: attachments::Tree,
            ///Scopes under `calls`.
            pub calls: calls::Tree,
            ///Scopes under `campaigns`.
            pub campaigns: campaigns::Tree,
            ///Scopes under `cases`.
            pub cases: cases::Tree,
            ///Scopes under `contacts`.
            pub contacts: contacts::Tree,
            ///Scopes under `custom`.
            pub custom: custom::Tree,
            ///Scopes under `dashboards`.
            pub dashboards: dashboards::Tree,
            ///Scopes under `deals`.
            pub deals: deals::Tree,
            ///Scopes under `events`.
            pub events: events::Tree,
            ///Scopes under `invoices`.
            pub invoices: invoices::Tree,
            ///Scopes under `leads`.
            pub leads: leads::Tree,
            ///Scopes under `notes`.
            pub notes: notes::Tree,
            ///Scopes under `pricebooks`.
            pub pricebooks: pricebooks::Tree,
            ///Scopes under `products`.
            pub products: products::Tree,
            ///Scopes under `purchaseorders`.
            pub purchaseorders: purchaseorders::Tree,
            ///Scopes under `quotes`.
            pub quotes: quotes::Tree,
            ///Scopes under `salesorders`.
            pub salesorders: salesorders::Tree,
            ///Scopes under `solutions`.
            pub solutions: solutions::Tree,
            ///Scopes under `tasks`.
            pub tasks: tasks::Tree,
            ///Scopes under `vendors`.
            pub vendors: vendors::Tree,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            CREATE,
            DELETE,
            READ,
            UPDATE,
            accounts: accounts::TREE,
            activities: activities::TREE,
            approvals: approvals::TREE,
            attachments: attachments::TREE,
            calls: calls::TREE,
            campaigns: campaigns::TREE,
            cases: cases::TREE,
            contacts: contacts::TREE,
            custom: custom::TREE,
            dashboards: dashboards::TREE,
            deals: deals::TREE,
            events: events::TREE,
            invoices: invoices::TREE,
            leads: leads::TREE,
            notes: notes::TREE,
            pricebooks: pricebooks::TREE,
            products: products::TREE,
            purchaseorders: purchaseorders::TREE,
            quotes: quotes::TREE,
            salesorders: salesorders::TREE,
            solutions: solutions::TREE,
            tasks: tasks::TREE,
            vendors: vendors::TREE,
        };
    }
    ///Scopes under `notifications`.
    pub mod notifications {
        ///`ZohoCRM.notifications.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.notifications.ALL");
        ///`ZohoCRM.notifications.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.notifications.CREATE");
        ///`ZohoCRM.notifications.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoCRM.notifications.DELETE");
        ///`ZohoCRM.notifications.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.notifications.READ");
        ///`ZohoCRM.notifications.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoCRM.notifications.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.notifications.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.notifications.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.notifications.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoCRM.notifications.READ`
            pub READ: super::Scope,
            ///`ZohoCRM.notifications.UPDATE`
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
    ///Scopes under `org`.
    pub mod org {
        ///`ZohoCRM.org.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.org.ALL");
        ///`ZohoCRM.org.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.org.CREATE");
        ///`ZohoCRM.org.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoCRM.org.DELETE");
        ///`ZohoCRM.org.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.org.READ");
        ///`ZohoCRM.org.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoCRM.org.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.org.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.org.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.org.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoCRM.org.READ`
            pub READ: super::Scope,
            ///`ZohoCRM.org.UPDATE`
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
    ///Scopes under `settings`.
    pub mod settings {
        ///`ZohoCRM.settings.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.settings.ALL");
        ///`ZohoCRM.settings.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.settings.READ");
        ///Scopes under `currencies`.
        pub mod currencies {
            ///`ZohoCRM.settings.currencies.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.currencies.ALL",
            );
            ///`ZohoCRM.settings.currencies.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.currencies.CREATE",
            );
            ///`ZohoCRM.settings.currencies.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.currencies.DELETE",
            );
            ///`ZohoCRM.settings.currencies.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.currencies.READ",
            );
            ///`ZohoCRM.settings.currencies.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.currencies.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.currencies.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.currencies.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.currencies.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.currencies.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.currencies.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `custom_buttons`.
        pub mod custom_buttons {
            ///`ZohoCRM.settings.custom_buttons.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_buttons.ALL",
            );
            ///`ZohoCRM.settings.custom_buttons.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_buttons.CREATE",
            );
            ///`ZohoCRM.settings.custom_buttons.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_buttons.DELETE",
            );
            ///`ZohoCRM.settings.custom_buttons.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_buttons.READ",
            );
            ///`ZohoCRM.settings.custom_buttons.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_buttons.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.custom_buttons.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.custom_buttons.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.custom_buttons.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.custom_buttons.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.custom_buttons.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `custom_links`.
        pub mod custom_links {
            ///`ZohoCRM.settings.custom_links.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_links.ALL",
            );
            ///`ZohoCRM.settings.custom_links.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_links.CREATE",
            );
            ///`ZohoCRM.settings.custom_links.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_links.DELETE",
            );
            ///`ZohoCRM.settings.custom_links.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_links.READ",
            );
            ///`ZohoCRM.settings.custom_links.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_links.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.custom_links.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.custom_links.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.custom_links.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.custom_links.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.custom_links.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `custom_views`.
        pub mod custom_views {
            ///`ZohoCRM.settings.custom_views.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_views.ALL",
            );
            ///`ZohoCRM.settings.custom_views.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_views.CREATE",
            );
            ///`ZohoCRM.settings.custom_views.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_views.DELETE",
            );
            ///`ZohoCRM.settings.custom_views.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_views.READ",
            );
            ///`ZohoCRM.settings.custom_views.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.custom_views.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.custom_views.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.custom_views.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.custom_views.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.custom_views.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.custom_views.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `fields`.
        pub mod fields {
            ///`ZohoCRM.settings.fields.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.fields.ALL",
            );
            ///`ZohoCRM.settings.fields.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.fields.CREATE",
            );
            ///`ZohoCRM.settings.fields.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.fields.DELETE",
            );
            ///`ZohoCRM.settings.fields.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.fields.READ",
            );
            ///`ZohoCRM.settings.fields.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.fields.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.fields.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.fields.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.fields.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.fields.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.fields.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `layouts`.
        pub mod layouts {
            ///`ZohoCRM.settings.layouts.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.layouts.ALL",
            );
            ///`ZohoCRM.settings.layouts.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.layouts.CREATE",
            );
            ///`ZohoCRM.settings.layouts.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.layouts.DELETE",
            );
            ///`ZohoCRM.settings.layouts.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.layouts.READ",
            );
            ///`ZohoCRM.settings.layouts.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.layouts.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.layouts.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.layouts.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.layouts.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.layouts.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.layouts.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `macros`.
        pub mod macros {
            ///`ZohoCRM.settings.macros.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.macros.ALL",
            );
            ///`ZohoCRM.settings.macros.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.macros.CREATE",
            );
            ///`ZohoCRM.settings.macros.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.macros.DELETE",
            );
            ///`ZohoCRM.settings.macros.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.macros.READ",
            );
            ///`ZohoCRM.settings.macros.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.macros.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.macros.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.macros.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.macros.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.macros.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.macros.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `modules`.
        pub mod modules {
            ///`ZohoCRM.settings.modules.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.modules.ALL",
            );
            ///`ZohoCRM.settings.modules.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.modules.CREATE",
            );
            ///`ZohoCRM.settings.modules.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.modules.DELETE",
            );
            ///`ZohoCRM.settings.modules.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.modules.READ",
            );
            ///`ZohoCRM.settings.modules.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.modules.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.modules.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.modules.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.modules.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.modules.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.modules.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `profiles`.
        pub mod profiles {
            ///`ZohoCRM.settings.profiles.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.profiles.ALL",
            );
            ///`ZohoCRM.settings.profiles.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.profiles.CREATE",
            );
            ///`ZohoCRM.settings.profiles.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.profiles.DELETE",
            );
            ///`ZohoCRM.settings.profiles.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.profiles.READ",
            );
            ///`ZohoCRM.settings.profiles.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.profiles.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.profiles.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.profiles.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.profiles.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.profiles.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.profiles.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `related_lists`.
        pub mod related_lists {
            ///`ZohoCRM.settings.related_lists.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.related_lists.ALL",
            );
            ///`ZohoCRM.settings.related_lists.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.related_lists.CREATE",
            );
            ///`ZohoCRM.settings.related_lists.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.related_lists.DELETE",
            );
            ///`ZohoCRM.settings.related_lists.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.related_lists.READ",
            );
            ///`ZohoCRM.settings.related_lists.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.related_lists.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.related_lists.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.related_lists.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.related_lists.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.related_lists.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.related_lists.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `roles`.
        pub mod roles {
            ///`ZohoCRM.settings.roles.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.roles.ALL",
            );
            ///`ZohoCRM.settings.roles.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.roles.CREATE",
            );
            ///`ZohoCRM.settings.roles.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.roles.DELETE",
            );
            ///`ZohoCRM.settings.roles.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.roles.READ",
            );
            ///`ZohoCRM.settings.roles.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.roles.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.roles.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.roles.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.roles.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.roles.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.roles.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `tab_groups`.
        pub mod tab_groups {
            ///`ZohoCRM.settings.tab_groups.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tab_groups.ALL",
            );
            ///`ZohoCRM.settings.tab_groups.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tab_groups.CREATE",
            );
            ///`ZohoCRM.settings.tab_groups.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tab_groups.DELETE",
            );
            ///`ZohoCRM.settings.tab_groups.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tab_groups.READ",
            );
            ///`ZohoCRM.settings.tab_groups.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tab_groups.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.tab_groups.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.tab_groups.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.tab_groups.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.tab_groups.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.tab_groups.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.settings.tags.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tags.ALL",
            );
            ///`ZohoCRM.settings.tags.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tags.CREATE",
            );
            ///`ZohoCRM.settings.tags.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tags.DELETE",
            );
            ///`ZohoCRM.settings.tags.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tags.READ",
            );
            ///`ZohoCRM.settings.tags.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.tags.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.tags.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.tags.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.tags.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.tags.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.tags.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `territories`.
        pub mod territories {
            ///`ZohoCRM.settings.territories.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.territories.ALL",
            );
            ///`ZohoCRM.settings.territories.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.territories.CREATE",
            );
            ///`ZohoCRM.settings.territories.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.territories.DELETE",
            );
            ///`ZohoCRM.settings.territories.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.territories.READ",
            );
            ///`ZohoCRM.settings.territories.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.territories.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.territories.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.territories.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.territories.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.territories.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.territories.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `variables`.
        pub mod variables {
            ///`ZohoCRM.settings.variables.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.variables.ALL",
            );
            ///`ZohoCRM.settings.variables.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.variables.CREATE",
            );
            ///`ZohoCRM.settings.variables.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.variables.DELETE",
            );
            ///`ZohoCRM.settings.variables.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.variables.READ",
            );
            ///`ZohoCRM.settings.variables.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.settings.variables.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.settings.variables.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.settings.variables.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.settings.variables.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.settings.variables.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.settings.variables.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.settings.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.settings.READ`
            pub READ: super::Scope,
            ///Scopes under `currencies`.
            pub currencies: currencies::Tree,
            ///Scopes under `custom_buttons`.
            pub custom_buttons: custom_buttons::Tree,
            ///Scopes under `custom_links`.
            pub custom_links: custom_links::Tree,
            ///Scopes under `custom_views`.
            pub custom_views: custom_views::Tree,
            ///Scopes under `fields`.
            pub fields: fields::Tree,
            ///Scopes under `layouts`.
            pub layouts: layouts::Tree,
            ///Scopes under `macros`.
            pub macros: macros::Tree,
            ///Scopes under `modules`.
            pub modules: modules::Tree,
            ///Scopes under `profiles`.
            pub profiles: profiles::Tree,
            ///Scopes under `related_lists`.
            pub related_lists: related_lists::Tree,
            ///Scopes under `roles`.
            pub roles: roles::Tree,
            ///Scopes under `tab_groups`.
            pub tab_groups: tab_groups::Tree,
            ///Scopes under `tags`.
            pub tags: tags::Tree,
            ///Scopes under `territories`.
            pub territories: territories::Tree,
            ///Scopes under `variables`.
            pub variables: variables::Tree,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            ALL,
            READ,
            currencies: currencies::TREE,
            custom_buttons: custom_buttons::TREE,
            custom_links: custom_links::TREE,
            custom_views: custom_views::TREE,
            fields: fields::TREE,
            layouts: layouts::TREE,
            macros: macros::TREE,
            modules: modules::TREE,
            profiles: profiles::TREE,
            related_lists: related_lists::TREE,
            roles: roles::TREE,
            tab_groups: tab_groups::TREE,
            tags: tags::TREE,
            territories: territories::TREE,
            variables: variables::TREE,
        };
    }
    ///Scopes under `share`.
    pub mod share {
        ///Scopes under `accounts`.
        pub mod accounts {
            ///`ZohoCRM.share.accounts.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.accounts.ALL",
            );
            ///`ZohoCRM.share.accounts.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.accounts.CREATE",
            );
            ///`ZohoCRM.share.accounts.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.accounts.DELETE",
            );
            ///`ZohoCRM.share.accounts.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.accounts.READ",
            );
            ///`ZohoCRM.share.accounts.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.accounts.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.accounts.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.accounts.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.accounts.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.accounts.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.accounts.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `calls`.
        pub mod calls {
            ///`ZohoCRM.share.calls.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.calls.ALL",
            );
            ///`ZohoCRM.share.calls.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.calls.CREATE",
            );
            ///`ZohoCRM.share.calls.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.calls.DELETE",
            );
            ///`ZohoCRM.share.calls.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.calls.READ",
            );
            ///`ZohoCRM.share.calls.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.calls.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.calls.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.calls.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.calls.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.calls.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.calls.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `campaigns`.
        pub mod campaigns {
            ///`ZohoCRM.share.campaigns.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.campaigns.ALL",
            );
            ///`ZohoCRM.share.campaigns.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.campaigns.CREATE",
            );
            ///`ZohoCRM.share.campaigns.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.campaigns.DELETE",
            );
            ///`ZohoCRM.share.campaigns.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.campaigns.READ",
            );
            ///`ZohoCRM.share.campaigns.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.campaigns.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.campaigns.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.campaigns.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.campaigns.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.campaigns.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.campaigns.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `cases`.
        pub mod cases {
            ///`ZohoCRM.share.cases.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.cases.ALL",
            );
            ///`ZohoCRM.share.cases.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.cases.CREATE",
            );
            ///`ZohoCRM.share.cases.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.cases.DELETE",
            );
            ///`ZohoCRM.share.cases.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.cases.READ",
            );
            ///`ZohoCRM.share.cases.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.cases.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.cases.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.cases.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.cases.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.cases.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.cases.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `contacts`.
        pub mod contacts {
            ///`ZohoCRM.share.contacts.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.contacts.ALL",
            );
            ///`ZohoCRM.share.contacts.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.contacts.CREATE",
            );
            ///`ZohoCRM.share.contacts.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.contacts.DELETE",
            );
            ///`ZohoCRM.share.contacts.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.contacts.READ",
            );
            ///`ZohoCRM.share.contacts.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.contacts.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.contacts.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.contacts.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.contacts.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.contacts.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.contacts.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `custom`.
        pub mod custom {
            ///`ZohoCRM.share.custom.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.custom.ALL",
            );
            ///`ZohoCRM.share.custom.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.custom.CREATE",
            );
            ///`ZohoCRM.share.custom.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.custom.DELETE",
            );
            ///`ZohoCRM.share.custom.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.custom.READ",
            );
            ///`ZohoCRM.share.custom.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.custom.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.custom.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.custom.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.custom.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.custom.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.custom.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `deals`.
        pub mod deals {
            ///`ZohoCRM.share.deals.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.deals.ALL",
            );
            ///`ZohoCRM.share.deals.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.deals.CREATE",
            );
            ///`ZohoCRM.share.deals.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.deals.DELETE",
            );
            ///`ZohoCRM.share.deals.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.deals.READ",
            );
            ///`ZohoCRM.share.deals.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.deals.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.deals.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.deals.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.deals.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.deals.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.deals.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.share.events.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.events.ALL",
            );
            ///`ZohoCRM.share.events.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.events.CREATE",
            );
            ///`ZohoCRM.share.events.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.events.DELETE",
            );
            ///`ZohoCRM.share.events.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.events.READ",
            );
            ///`ZohoCRM.share.events.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.events.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.events.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.events.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.events.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.events.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.events.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `invoices`.
        pub mod invoices {
            ///`ZohoCRM.share.invoices.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.invoices.ALL",
            );
            ///`ZohoCRM.share.invoices.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.invoices.CREATE",
            );
            ///`ZohoCRM.share.invoices.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.invoices.DELETE",
            );
            ///`ZohoCRM.share.invoices.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.invoices.READ",
            );
            ///`ZohoCRM.share.invoices.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.invoices.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.invoices.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.invoices.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.invoices.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.invoices.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.invoices.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `leads`.
        pub mod leads {
            ///`ZohoCRM.share.leads.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.leads.ALL",
            );
            ///`ZohoCRM.share.leads.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.leads.CREATE",
            );
            ///`ZohoCRM.share.leads.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.leads.DELETE",
            );
            ///`ZohoCRM.share.leads.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.leads.READ",
            );
            ///`ZohoCRM.share.leads.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.leads.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.leads.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.leads.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.leads.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.leads.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.leads.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `pricebooks`.
        pub mod pricebooks {
            ///`ZohoCRM.share.pricebooks.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.pricebooks.ALL",
            );
            ///`ZohoCRM.share.pricebooks.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.pricebooks.CREATE",
            );
            ///`ZohoCRM.share.pricebooks.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.pricebooks.DELETE",
            );
            ///`ZohoCRM.share.pricebooks.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.pricebooks.READ",
            );
            ///`ZohoCRM.share.pricebooks.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.pricebooks.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.pricebooks.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.pricebooks.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.pricebooks.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.pricebooks.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.pricebooks.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `products`.
        pub mod products {
            ///`ZohoCRM.share.products.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.products.ALL",
            );
            ///`ZohoCRM.share.products.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.products.CREATE",
            );
            ///`ZohoCRM.share.products.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.products.DELETE",
            );
            ///`ZohoCRM.share.products.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.products.READ",
            );
            ///`ZohoCRM.share.products.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.products.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.products.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.products.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.products.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.products.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.products.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `purchaseorders`.
        pub mod purchaseorders {
            ///`ZohoCRM.share.purchaseorders.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.purchaseorders.ALL",
            );
            ///`ZohoCRM.share.purchaseorders.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.purchaseorders.CREATE",
            );
            ///`ZohoCRM.share.purchaseorders.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.purchaseorders.DELETE",
            );
            ///`ZohoCRM.share.purchaseorders.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.purchaseorders.READ",
            );
            ///`ZohoCRM.share.purchaseorders.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.purchaseorders.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.purchaseorders.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.purchaseorders.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.purchaseorders.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.purchaseorders.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.purchaseorders.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `quotes`.
        pub mod quotes {
            ///`ZohoCRM.share.quotes.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.quotes.ALL",
            );
            ///`ZohoCRM.share.quotes.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.quotes.CREATE",
            );
            ///`ZohoCRM.share.quotes.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.quotes.DELETE",
            );
            ///`ZohoCRM.share.quotes.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.quotes.READ",
            );
            ///`ZohoCRM.share.quotes.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.quotes.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.quotes.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.quotes.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.quotes.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.quotes.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.quotes.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `salesorders`.
        pub mod salesorders {
            ///`ZohoCRM.share.salesorders.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.salesorders.ALL",
            );
            ///`ZohoCRM.share.salesorders.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.salesorders.CREATE",
            );
            ///`ZohoCRM.share.salesorders.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.salesorders.DELETE",
            );
            ///`ZohoCRM.share.salesorders.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.salesorders.READ",
            );
            ///`ZohoCRM.share.salesorders.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.salesorders.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.salesorders.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.salesorders.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.salesorders.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.salesorders.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.salesorders.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `solutions`.
        pub mod solutions {
            ///`ZohoCRM.share.solutions.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.solutions.ALL",
            );
            ///`ZohoCRM.share.solutions.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.solutions.CREATE",
            );
            ///`ZohoCRM.share.solutions.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.solutions.DELETE",
            );
            ///`ZohoCRM.share.solutions.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.solutions.READ",
            );
            ///`ZohoCRM.share.solutions.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.solutions.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.solutions.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.solutions.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.solutions.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.solutions.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.solutions.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///`ZohoCRM.share.tasks.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.tasks.ALL",
            );
            ///`ZohoCRM.share.tasks.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.tasks.CREATE",
            );
            ///`ZohoCRM.share.tasks.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.tasks.DELETE",
            );
            ///`ZohoCRM.share.tasks.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.tasks.READ",
            );
            ///`ZohoCRM.share.tasks.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.tasks.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.tasks.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.tasks.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.tasks.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.tasks.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.tasks.UPDATE`
                pub UPDATE: super::super::Scope,
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
        ///Scopes under `vendors`.
        pub mod vendors {
            ///`ZohoCRM.share.vendors.ALL`
            pub const ALL: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.vendors.ALL",
            );
            ///`ZohoCRM.share.vendors.CREATE`
            pub const CREATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.vendors.CREATE",
            );
            ///`ZohoCRM.share.vendors.DELETE`
            pub const DELETE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.vendors.DELETE",
            );
            ///`ZohoCRM.share.vendors.READ`
            pub const READ: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.vendors.READ",
            );
            ///`ZohoCRM.share.vendors.UPDATE`
            pub const UPDATE: super::super::Scope = super::super::Scope(
                "ZohoCRM.share.vendors.UPDATE",
            );
            /// This level of the scope catalogue as fields (see `SCOPES`).
            pub struct Tree {
                ///`ZohoCRM.share.vendors.ALL`
                pub ALL: super::super::Scope,
                ///`ZohoCRM.share.vendors.CREATE`
                pub CREATE: super::super::Scope,
                ///`ZohoCRM.share.vendors.DELETE`
                pub DELETE: super::super::Scope,
                ///`ZohoCRM.share.vendors.READ`
                pub READ: super::super::Scope,
                ///`ZohoCRM.share.vendors.UPDATE`
                pub UPDATE: super::super::Scope,
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
            ///Scopes under `accounts`.
            pub accounts: accounts::Tree,
            ///Scopes under `calls`.
            pub calls: calls::Tree,
            ///Scopes under `campaigns`.
            pub campaigns: campaigns::Tree,
            ///Scopes under `cases`.
            pub cases: cases::Tree,
            ///Scopes under `contacts`.
            pub contacts: contacts::Tree,
            ///Scopes under `custom`.
            pub custom: custom::Tree,
            ///Scopes under `deals`.
            pub deals: deals::Tree,
            ///Scopes under `events`.
            pub events: events::Tree,
            ///Scopes under `invoices`.
            pub invoices: invoices::Tree,
            ///Scopes under `leads`.
            pub leads: leads::Tree,
            ///Scopes under `pricebooks`.
            pub pricebooks: pricebooks::Tree,
            ///Scopes under `products`.
            pub products: products::Tree,
            ///Scopes under `purchaseorders`.
            pub purchaseorders: purchaseorders::Tree,
            ///Scopes under `quotes`.
            pub quotes: quotes::Tree,
            ///Scopes under `salesorders`.
            pub salesorders: salesorders::Tree,
            ///Scopes under `solutions`.
            pub solutions: solutions::Tree,
            ///Scopes under `tasks`.
            pub tasks: tasks::Tree,
            ///Scopes under `vendors`.
            pub vendors: vendors::Tree,
        }
        /// This level's scopes.
        pub const TREE: Tree = Tree {
            accounts: accounts::TREE,
            calls: calls::TREE,
            campaigns: campaigns::TREE,
            cases: cases::TREE,
            contacts: contacts::TREE,
            custom: custom::TREE,
            deals: deals::TREE,
            events: events::TREE,
            invoices: invoices::TREE,
            leads: leads::TREE,
            pricebooks: pricebooks::TREE,
            products: products::TREE,
            purchaseorders: purchaseorders::TREE,
            quotes: quotes::TREE,
            salesorders: salesorders::TREE,
            solutions: solutions::TREE,
            tasks: tasks::TREE,
            vendors: vendors::TREE,
        };
    }
    ///Scopes under `templates`.
    pub mod templates {
        ///`ZohoCRM.templates.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.templates.ALL");
        ///`ZohoCRM.templates.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.templates.CREATE");
        ///`ZohoCRM.templates.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoCRM.templates.DELETE");
        ///`ZohoCRM.templates.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.templates.READ");
        ///`ZohoCRM.templates.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoCRM.templates.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.templates.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.templates.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.templates.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoCRM.templates.READ`
            pub READ: super::Scope,
            ///`ZohoCRM.templates.UPDATE`
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
        ///`ZohoCRM.users.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.users.ALL");
        ///`ZohoCRM.users.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.users.CREATE");
        ///`ZohoCRM.users.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoCRM.users.DELETE");
        ///`ZohoCRM.users.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.users.READ");
        ///`ZohoCRM.users.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoCRM.users.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.users.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.users.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.users.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoCRM.users.READ`
            pub READ: super::Scope,
            ///`ZohoCRM.users.UPDATE`
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
    ///Scopes under `zia`.
    pub mod zia {
        ///`ZohoCRM.zia.ALL`
        pub const ALL: super::Scope = super::Scope("ZohoCRM.zia.ALL");
        ///`ZohoCRM.zia.CREATE`
        pub const CREATE: super::Scope = super::Scope("ZohoCRM.zia.CREATE");
        ///`ZohoCRM.zia.DELETE`
        pub const DELETE: super::Scope = super::Scope("ZohoCRM.zia.DELETE");
        ///`ZohoCRM.zia.READ`
        pub const READ: super::Scope = super::Scope("ZohoCRM.zia.READ");
        ///`ZohoCRM.zia.UPDATE`
        pub const UPDATE: super::Scope = super::Scope("ZohoCRM.zia.UPDATE");
        /// This level of the scope catalogue as fields (see `SCOPES`).
        pub struct Tree {
            ///`ZohoCRM.zia.ALL`
            pub ALL: super::Scope,
            ///`ZohoCRM.zia.CREATE`
            pub CREATE: super::Scope,
            ///`ZohoCRM.zia.DELETE`
            pub DELETE: super::Scope,
            ///`ZohoCRM.zia.READ`
            pub READ: super::Scope,
            ///`ZohoCRM.zia.UPDATE`
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
        ///Scopes under `bulk`.
        pub bulk: bulk::Tree,
        ///Scopes under `coql`.
        pub coql: coql::Tree,
        ///Scopes under `files`.
        pub files: files::Tree,
        ///Scopes under `mass_convert`.
        pub mass_convert: mass_convert::Tree,
        ///Scopes under `modules`.
        pub modules: modules::Tree,
        ///Scopes under `notifications`.
        pub notifications: notifications::Tree,
        ///Scopes under `org`.
        pub org: org::Tree,
        ///Scopes under `settings`.
        pub settings: settings::Tree,
        ///Scopes under `share`.
        pub share: share::Tree,
        ///Scopes under `templates`.
        pub templates: templates::Tree,
        ///Scopes under `users`.
        pub users: users::Tree,
        ///Scopes under `zia`.
        pub zia: zia::Tree,
    }
    /// This level's scopes.
    pub const TREE: Tree = Tree {
        bulk: bulk::TREE,
        coql: coql::TREE,
        files: files::TREE,
        mass_convert: mass_convert::TREE,
        modules: modules::TREE,
        notifications: notifications::TREE,
        org: org::TREE,
        settings: settings::TREE,
        share: share::TREE,
        templates: templates::TREE,
        users: users::TREE,
        zia: zia::TREE,
    };
}
#[allow(deprecated)]
impl ZohoCRM {
    /// Every scope as a field chain that mirrors the provider's syntax:
    /// `SCOPES.portals.READ`. `scope!(...)` expands to this.
    pub const SCOPES: scopes::Tree = scopes::TREE;
}
///The errors Zoho CRM documents, one variant per error rule of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    ///`NO_SUCH_USER` (access_denied, at token_endpoint): No Zoho user with that e-mail address or user name.
    NoSuchUser,
    ///`INVALID_PASSWORD` (access_denied, at token_endpoint): The password is wrong.
    InvalidPassword,
    ///`INVALID_CREDENTIALS` (access_denied, at token_endpoint): The user name or password is wrong.
    InvalidCredentials,
    ///`WEB_LOGIN_REQUIRED` (access_denied, at token_endpoint): Two-factor authentication is on for this account: use an application-specific password instead of the account password.
    WebLoginRequired,
    ///`EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS` (quota_exhausted, at token_endpoint): The user has too many authtokens: delete some under "Active Authtoken" in Zoho Accounts.
    ExceededMaximumAllowedAuthtokens,
    ///`ACCOUNT_REGISTRATION_NOT_CONFIRMED` (access_denied, at token_endpoint): The Zoho account's registration has not been confirmed.
    AccountRegistrationNotConfirmed,
    ///`4834` (access_token_invalid, at api): Invalid ticket, or the ticket (authtoken) has expired.
    E4834,
    ///`4820` (rate_limited, at api): Rate limit exceeded.
    E4820,
    ///`4421` (quota_exhausted, at api): The API call count has been exceeded.
    E4421,
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
    const BY_RULE: [ErrorCode; 27usize] = [
        ErrorCode::NoSuchUser,
        ErrorCode::InvalidPassword,
        ErrorCode::InvalidCredentials,
        ErrorCode::WebLoginRequired,
        ErrorCode::ExceededMaximumAllowedAuthtokens,
        ErrorCode::AccountRegistrationNotConfirmed,
        ErrorCode::E4834,
        ErrorCode::E4820,
        ErrorCode::E4421,
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
            ErrorCode::NoSuchUser => "NO_SUCH_USER",
            ErrorCode::InvalidPassword => "INVALID_PASSWORD",
            ErrorCode::InvalidCredentials => "INVALID_CREDENTIALS",
            ErrorCode::WebLoginRequired => "WEB_LOGIN_REQUIRED",
            ErrorCode::ExceededMaximumAllowedAuthtokens => {
                "EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS"
            }
            ErrorCode::AccountRegistrationNotConfirmed => {
                "ACCOUNT_REGISTRATION_NOT_CONFIRMED"
            }
            ErrorCode::E4834 => "4834",
            ErrorCode::E4820 => "4820",
            ErrorCode::E4421 => "4421",
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
            ErrorCode::NoSuchUser => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::InvalidPassword => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::InvalidCredentials => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::WebLoginRequired => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::ExceededMaximumAllowedAuthtokens => {
                ::oauth_providers::__private::rt::ErrorMeaning::QuotaExhausted
            }
            ErrorCode::AccountRegistrationNotConfirmed => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessDenied
            }
            ErrorCode::E4834 => {
                ::oauth_providers::__private::rt::ErrorMeaning::AccessTokenInvalid
            }
            ErrorCode::E4820 => {
                ::oauth_providers::__private::rt::ErrorMeaning::RateLimited
            }
            ErrorCode::E4421 => {
                ::oauth_providers::__private::rt::ErrorMeaning::QuotaExhausted
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
