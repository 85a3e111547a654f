//! The names generated code takes, in one place: [`crate::codegen`] emits them and
//! [`crate::validate`] refuses a spec whose names would collide with them, so that a spec that
//! validates always compiles.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Methods of every generated client type (besides one getter per variable and one method
/// per custom grant).
pub const CLIENT_METHODS: &[&str] = &[
    "new",
    "builder",
    "endpoint_url",
    "endpoint_url_for",
    "http",
    "authorize_request",
    "send_api",
    "authorized",
    "token_source",
    "client_credentials_source",
    "authorize",
    "exchange_callback",
    "exchange_form_post",
    "exchange_code",
    "pin_url",
    "exchange_pin",
    "refresh",
    "client_credentials",
    "client_credentials_with_scopes",
    "device_authorization",
    "poll_device_token",
    "revoke",
    "def",
    "rate_limiter",
    "authorization_server",
];

/// Methods of every generated builder.
pub const BUILDER_METHODS: &[&str] = &[
    "redirect_uri",
    "origin_override",
    "http_client",
    "timeout",
    "rate_limiter",
    "clock",
    "user_agent",
    "allow_api_origin",
    "private_key",
    "build",
];

/// Arguments every constructor takes before the required variables.
pub const CONSTRUCTOR_ARGS: &[&str] = &["credentials"];

/// Methods of every generated authorization request (besides one setter per extra
/// parameter and one method per further scope parameter).
pub const AUTHORIZE_METHODS: &[&str] = &["scope", "scopes", "other_scope", "url"];

/// Types every generated provider module holds, besides `<Name>` and its builder and
/// authorization request.
pub const MODULE_TYPES: &[&str] = &["ErrorCode", "PROVIDER"];

/// The builder type of client `name`.
pub fn builder_type(name: &str) -> String {
    format!("{name}Builder")
}

/// The authorization request type of client `name`.
pub fn authorize_type(name: &str) -> String {
    format!("{name}Authorize")
}

/// The type generated for variable or extra parameter `name` (`data_center` -> `DataCenter`).
pub fn type_name(name: &str) -> String {
    let camel = name.to_upper_camel_case();
    if camel.is_empty() || camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("E{camel}")
    } else {
        camel
    }
}

/// The method generated for variable or parameter `name`.
pub fn method_name(name: &str) -> String {
    name.to_snake_case()
}
