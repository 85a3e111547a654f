//! How token responses are read, and the field tests error rules and success checks make.

use crate::{
    ExpiresIn, ExpiresInZero, List, ResponseFormat, ScopeFormat, Str, TimeFormat, TimeUnit,
};

/// How a token response is read.
#[derive(Debug, Clone)]
pub struct ResponseDef {
    /// Body format.
    pub format: ResponseFormat,
    /// Full or remaining lifetime.
    pub expires_in: ExpiresIn,
    /// Unit of `expires_in`.
    pub expires_in_unit: TimeUnit,
    /// What `expires_in: 0` means.
    pub expires_in_zero: ExpiresInZero,
    /// How an absolute expiry field is written.
    pub expires_at_format: TimeFormat,
    /// Field names.
    pub fields: FieldNames,
    /// Further fields kept on the token set.
    pub extra_fields: List<Str>,
    /// Separator of the granted-scope field.
    pub scope_separator: Str,
    /// How the granted scopes are written.
    pub scope_format: ScopeFormat,
    /// `token_type` values accepted besides `Bearer` (any case).
    pub token_types: List<Str>,
    /// A field test that must hold for success (formats without an `error` field).
    pub success_when: Option<FieldTest>,
    /// Further token sets in the same response (Slack's user token under `authed_user`).
    pub secondary: List<SecondaryDef>,
}

/// Token response field names (dotted paths).
#[derive(Debug, Clone)]
pub struct FieldNames {
    /// Access token field.
    pub access_token: Str,
    /// Refresh token field.
    pub refresh_token: Str,
    /// Lifetime field.
    pub expires_in: Str,
    /// An absolute expiry field (Strava's `expires_at`); `expires_in` wins when both come.
    pub expires_at: Option<Str>,
    /// The refresh token's lifetime (`refresh_token_expires_in`, QuickBooks'
    /// `x_refresh_token_expires_in`, Keycloak's `refresh_expires_in`).
    pub refresh_token_expires_in: Option<Str>,
    /// Granted scope field.
    pub scope: Str,
    /// Token type field.
    pub token_type: Str,
}

/// A token set nested in a token response.
#[derive(Debug, Clone)]
pub struct SecondaryDef {
    /// Its name (`user`).
    pub name: Str,
    /// The dotted path of the object holding it; read with the same field names.
    pub path: Str,
}

/// A test on a parsed body: the value at `path` passes `op`.
#[derive(Debug, Clone)]
pub struct FieldTest {
    /// Dotted path; `*` matches any array element.
    pub path: Str,
    /// What the value must be.
    pub op: FieldOp,
}

/// What a field test checks.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldOp {
    /// Equal to one of these (a string also matches the text of a number or boolean).
    OneOf(List<ScalarDef>),
    /// A string starting with this.
    StartsWith(Str),
    /// A string containing this.
    Contains(Str),
    /// A number (or a string holding one) in this range, both ends included.
    Between(i64, i64),
    /// No such field (or `null`).
    Absent,
}

/// A scalar in a field test.
#[derive(Debug, Clone, PartialEq)]
pub enum ScalarDef {
    /// Boolean.
    Bool(bool),
    /// Whole number.
    Int(i64),
    /// Text.
    Str(Str),
}
