//! OpenID Connect and the modern OAuth security profile: the issuer, discovery, ID token
//! verification settings, pushed authorization requests (RFC 9126) and DPoP (RFC 9449).

use crate::{List, Requirement, Str, Template};

/// The `oidc:` section of a spec: the provider is an OpenID Provider.
#[derive(Debug, Clone)]
pub struct OidcDef {
    /// The issuer identifier, compared byte for byte with discovery's `issuer` and the ID
    /// token's `iss` (a template over variables: `{issuer}`, `https://login.example.com/{tenant}/v2.0`).
    pub issuer: Template,
    /// Whether the metadata comes from `<issuer>/.well-known/openid-configuration` (or RFC
    /// 8414's location) at run time.
    pub discovery: bool,
    /// The JWS algorithms ID tokens may be signed with (asymmetric only); empty: those the
    /// metadata lists (RS256 when it lists none).
    pub id_token_algorithms: List<Str>,
    /// The allowance for clocks that disagree when checking `exp`, `iat` and `nbf`, in
    /// seconds (at most 300).
    pub clock_skew_secs: u64,
    /// Pushed authorization requests: `required` pushes every authorization request,
    /// `optional` pushes when the builder or the metadata asks, `unsupported` never.
    pub par: Requirement,
    /// DPoP-bound tokens: `required` always, `optional` when the builder turns it on,
    /// `unsupported` never.
    pub dpop: Requirement,
    /// Claims beyond OIDC Core's that the provider documents, each a typed getter on the
    /// generated claims type.
    pub claims: List<ClaimDef>,
}

/// A provider-specific ID token claim (Microsoft's `tid`, Google's `hd`).
#[derive(Debug, Clone)]
pub struct ClaimDef {
    /// The claim's name in the token.
    pub name: Str,
    /// What it holds.
    pub description: Str,
    /// Its JSON type.
    pub kind: ClaimKind,
}

/// The JSON type of a provider-specific claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// A string.
    String,
    /// A boolean (`"true"` / `"false"` strings accepted).
    Bool,
    /// An integer.
    Integer,
    /// An array of strings.
    Strings,
}

/// The claims of an ID token itself (OpenID Connect Core §2), which the runtime's
/// `IdTokenClaims` types as fields: a spec's `claims:` may not declare them again.
pub const ID_TOKEN_CLAIMS: [&str; 14] = [
    "iss",
    "sub",
    "aud",
    "exp",
    "iat",
    "nbf",
    "auth_time",
    "nonce",
    "acr",
    "amr",
    "azp",
    "at_hash",
    "c_hash",
    "sid",
];

/// The standard claims (OpenID Connect Core §5.1), which the runtime's `IdTokenClaims`
/// also types as fields: a spec's `claims:` may not declare them again.
pub const STANDARD_CLAIMS: [&str; 19] = [
    "name",
    "given_name",
    "family_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "email",
    "email_verified",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "phone_number",
    "phone_number_verified",
    "address",
    "updated_at",
];
