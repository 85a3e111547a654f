//! What a spec says about OpenID Connect and the OAuth security profile (PAR, DPoP).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Requirement, Sp};

/// The provider is an OpenID Provider: its issuer, where its metadata is, how its ID tokens
/// are checked, and whether authorization requests are pushed (RFC 9126) and tokens bound to
/// a key (RFC 9449 DPoP).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Oidc {
    /// The issuer identifier, exactly as the provider's metadata and ID tokens name it: an
    /// `https://` URL template over variables (`{issuer}`), without query or fragment.
    pub issuer: Sp<String>,
    /// Whether the metadata (keys, UserInfo, PAR endpoint, algorithms) is read from
    /// `<issuer>/.well-known/openid-configuration` at run time (default `true`). Endpoints
    /// the spec declares are used as declared.
    #[serde(default = "super::yes")]
    pub discovery: bool,
    /// The algorithms ID tokens may be signed with (`RS256`, `PS256`, `ES256`, `EdDSA`, ...);
    /// never `none` nor an HMAC. Absent: the metadata's `id_token_signing_alg_values_supported`.
    #[serde(default)]
    pub id_token_algorithms: Vec<Sp<String>>,
    /// The allowance for clocks that disagree (`60s` unless given; at most `5m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock_skew: Option<Sp<String>>,
    /// Pushed authorization requests (RFC 9126): `required`, `optional` (default: pushed when
    /// the builder or the metadata's `require_pushed_authorization_requests` asks) or
    /// `unsupported`.
    #[serde(default = "optional")]
    pub par: Sp<Requirement>,
    /// DPoP (RFC 9449): `required` (every token is bound to a key), `optional` (when the
    /// builder turns it on; the default) or `unsupported`.
    #[serde(default = "optional")]
    pub dpop: Sp<Requirement>,
    /// Claims beyond OIDC Core's that the provider documents (Microsoft's `tid`, Google's
    /// `hd`), each a typed getter on the generated claims type.
    #[serde(default)]
    pub claims: BTreeMap<Sp<String>, Claim>,
    /// The public page this section's facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn optional() -> Sp<Requirement> {
    Sp::unplaced(Requirement::Optional)
}

/// A provider-specific claim.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What it holds.
    pub description: String,
    /// Its JSON type: `string` (default), `bool`, `integer` or `strings` (an array).
    #[serde(default, rename = "type")]
    pub kind: ClaimType,
    /// The public page that documents it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
}

/// The JSON type of a claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimType {
    /// A string.
    #[default]
    String,
    /// A boolean.
    Bool,
    /// An integer.
    Integer,
    /// An array of strings.
    Strings,
}
