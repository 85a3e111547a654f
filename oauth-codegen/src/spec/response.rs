//! What a spec says about token responses.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::errors::FieldTestSpec;
use super::{ExpiresIn, ExpiresInZero, ResponseFormat, ScopeFormat, Sp, TimeFormat, TimeUnit};

/// How token responses are parsed.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TokenResponse {
    /// Body format; JSON unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Sp<ResponseFormat>>,
    /// Whether `expires_in` is the token's full lifetime or what remains of it (Marketo
    /// hands back the same token with its *remaining* lifetime).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<ExpiresIn>,
    /// The unit of `expires_in`; seconds unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_unit: Option<TimeUnit>,
    /// What `expires_in: 0` means: `expired` (RFC 6749, the default) or `never` (Mailchimp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_zero: Option<ExpiresInZero>,
    /// `token_type` values accepted besides `Bearer` (Slack's `bot`, `user`).
    #[serde(default)]
    pub token_types: Vec<Sp<String>>,
    /// Field names, where they differ from RFC 6749's.
    #[serde(default)]
    pub fields: ResponseFields,
    /// Other response fields to keep on the token set (`id_token`).
    #[serde(default)]
    pub extra_fields: Vec<Sp<String>>,
    /// Separator of the `scope` field in responses (Zoho sends spaces though requests use
    /// commas). Defaults to the scope request separator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_separator: Option<String>,
    /// `string` (the default) or `array` (Twitch sends the granted scopes as a JSON array).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_format: Option<ScopeFormat>,
    /// For formats without an error field: a field that must hold a value for success, e.g.
    /// the authtoken's `RESULT=TRUE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_when: Option<FieldTestSpec>,
    /// Further token sets in the same response, by name (Slack: `user: { path: authed_user }`).
    #[serde(default)]
    pub secondary: BTreeMap<Sp<String>, Secondary>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Response field names (dotted paths); RFC 6749's names by default.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ResponseFields {
    /// Field holding the access token (`AUTHTOKEN` for the legacy authtoken).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Sp<String>>,
    /// Field holding the refresh token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Sp<String>>,
    /// Field holding the lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<Sp<String>>,
    /// Field holding an absolute expiry (Strava's `expires_at`); `expires_in` wins when both
    /// are sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Sp<String>>,
    /// How `expires_at` is written: `unix_seconds` (the default) or `unix_milliseconds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at_unit: Option<TimeFormat>,
    /// Field holding the refresh token's lifetime in seconds (`refresh_token_expires_in`,
    /// `x_refresh_token_expires_in`, `refresh_expires_in`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token_expires_in: Option<Sp<String>>,
    /// Field holding the granted scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Sp<String>>,
    /// Field holding the token type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<Sp<String>>,
}

/// A token set nested in a token response.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Secondary {
    /// The dotted path of the object that holds it (read with the same field names).
    pub path: Sp<String>,
}
