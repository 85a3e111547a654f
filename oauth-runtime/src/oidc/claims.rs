//! The claims an ID token or a UserInfo response carries, typed: OIDC Core §5.1's standard
//! claims, §2's ID token claims, and whatever else the provider sent as a JSON map.
//!
//! Parsing is lenient where providers are known to differ from the letter of the spec
//! (`email_verified: "true"`, a single `aud` string, fractional NumericDates) and strict about
//! everything a check depends on (`iss`, `sub`, `aud`, `exp`, `iat`). This module only shapes
//! data; it must never decide whether a token is valid (that is [`super::id_token`]).

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use oauth_model::oidc::{ID_TOKEN_CLAIMS, STANDARD_CLAIMS};

/// OIDC Core §5.1.1 postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Full mailing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    /// City or locality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// State, province, prefecture or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Zip or postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// OIDC Core §5.1 standard claims (all optional; `sub` lives on the containing type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardClaims {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Surname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Casual name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// Shorthand name; not unique, not stable: never an identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_username: Option<String>,
    /// Profile page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Picture URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
    /// Web page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// E-mail address; trust it only with `email_verified`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether the provider verified the e-mail address.
    #[serde(
        default,
        deserialize_with = "lenient_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub email_verified: Option<bool>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Birthday (`YYYY-MM-DD`, or `YYYY`, or `0000-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<String>,
    /// Time zone (`Europe/Paris`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoneinfo: Option<String>,
    /// Locale (`fr-CA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Whether the provider verified the phone number.
    #[serde(
        default,
        deserialize_with = "lenient_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number_verified: Option<bool>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// When the information was last updated (Unix seconds).
    #[serde(
        default,
        deserialize_with = "optional_numeric_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<i64>,
}

/// The claims of a verified ID token (OIDC Core §2). `Debug` shows the nonce only as
/// present: it is the secret that binds the token to one authorization.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct IdTokenClaims {
    /// Issuer.
    pub iss: String,
    /// Subject: the user's identifier at this issuer (with `iss`, the only stable key).
    pub sub: String,
    /// Audiences (a single string in the token becomes one element).
    #[serde(deserialize_with = "one_or_many")]
    pub aud: Vec<String>,
    /// Expiry (Unix seconds).
    #[serde(deserialize_with = "numeric_date")]
    pub exp: i64,
    /// Issue time (Unix seconds).
    #[serde(deserialize_with = "numeric_date")]
    pub iat: i64,
    /// Not before (Unix seconds).
    #[serde(
        default,
        deserialize_with = "optional_numeric_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub nbf: Option<i64>,
    /// When the user authenticated (Unix seconds).
    #[serde(
        default,
        deserialize_with = "optional_numeric_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub auth_time: Option<i64>,
    /// The nonce of the authorization request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// Authentication context class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acr: Option<String>,
    /// Authentication methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amr: Option<Vec<String>>,
    /// Authorized party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azp: Option<String>,
    /// Access token hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_hash: Option<String>,
    /// Code hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c_hash: Option<String>,
    /// Session id (front- and back-channel logout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// The standard profile claims.
    #[serde(flatten)]
    pub standard: StandardClaims,
    /// Every other claim, as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl std::fmt::Debug for IdTokenClaims {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdTokenClaims")
            .field("iss", &self.iss)
            .field("sub", &self.sub)
            .field("aud", &self.aud)
            .field("exp", &self.exp)
            .field("iat", &self.iat)
            .field("nbf", &self.nbf)
            .field("auth_time", &self.auth_time)
            .field("nonce", &self.nonce.as_ref().map(|_| "[REDACTED]"))
            .field("acr", &self.acr)
            .field("amr", &self.amr)
            .field("azp", &self.azp)
            .field("at_hash", &self.at_hash)
            .field("c_hash", &self.c_hash)
            .field("sid", &self.sid)
            .field("standard", &self.standard)
            .field("extra", &self.extra)
            .finish()
    }
}

/// The claims of a UserInfo response (OIDC Core §5.3.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserInfoClaims {
    /// Subject; checked against the ID token's.
    pub sub: String,
    /// The standard profile claims.
    #[serde(flatten)]
    pub standard: StandardClaims,
    /// Every other claim, as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl IdTokenClaims {
    /// Parses a JWT payload. The error names the rule broken, never a value.
    pub(crate) fn from_payload(payload: &[u8]) -> Result<IdTokenClaims, String> {
        let mut claims: IdTokenClaims =
            serde_json::from_slice(payload).map_err(|e| super::discovery::shape_reason(&e))?;
        claims.extra.retain(|k, _| {
            !ID_TOKEN_CLAIMS.contains(&k.as_str()) && !STANDARD_CLAIMS.contains(&k.as_str())
        });
        Ok(claims)
    }
}

impl UserInfoClaims {
    /// Parses a UserInfo JSON body.
    pub(crate) fn from_json(body: &[u8]) -> Result<UserInfoClaims, String> {
        let mut claims: UserInfoClaims =
            serde_json::from_slice(body).map_err(|e| super::discovery::shape_reason(&e))?;
        claims
            .extra
            .retain(|k, _| k != "sub" && !STANDARD_CLAIMS.contains(&k.as_str()));
        Ok(claims)
    }
}

/// `true`, `false`, or the strings some providers send instead.
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(_) => Err(de::Error::custom(
            "a boolean claim is neither true nor false",
        )),
    }
}

/// RFC 7519 NumericDate: seconds, possibly fractional (truncated toward the past).
fn numeric_date<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = Value::deserialize(d)?;
    as_seconds(&v).ok_or_else(|| de::Error::custom("a date claim is not a number of seconds"))
}

fn optional_numeric_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(v) => as_seconds(&v)
            .map(Some)
            .ok_or_else(|| de::Error::custom("a date claim is not a number of seconds")),
    }
}

fn as_seconds(v: &Value) -> Option<i64> {
    let n = v.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64()?;
    // Within ±2^53, where f64 holds every whole second exactly.
    (f.is_finite() && f.abs() < 9_007_199_254_740_992.0).then(|| f.floor() as i64)
}

/// `"aud": "x"` or `"aud": ["x", "y"]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    match OneOrMany::deserialize(d) {
        Ok(OneOrMany::One(s)) => Ok(vec![s]),
        Ok(OneOrMany::Many(v)) => Ok(v),
        Err(_) => Err(de::Error::custom(
            "`aud` is neither a string nor a list of strings",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_standard_claims_and_raw_extras() {
        let claims = IdTokenClaims::from_payload(
            br#"{"iss":"https://i","sub":"u1","aud":"c","exp":1700000000.9,"iat":1699999999,
                "email":"a@b.c","email_verified":"true","name":"A","tenant":"t-1",
                "address":{"country":"FR"},"amr":["pwd"]}"#,
        )
        .unwrap();
        assert_eq!(claims.aud, ["c"]);
        assert_eq!(claims.exp, 1_700_000_000);
        assert_eq!(claims.standard.email_verified, Some(true));
        assert_eq!(claims.standard.name.as_deref(), Some("A"));
        assert_eq!(
            claims
                .standard
                .address
                .as_ref()
                .and_then(|a| a.country.as_deref()),
            Some("FR")
        );
        assert_eq!(claims.extra.len(), 1, "{:?}", claims.extra);
        assert_eq!(claims.extra.get("tenant"), Some(&Value::from("t-1")));
    }

    #[test]
    fn required_claims_and_wrong_types_are_reported_without_values() {
        let err =
            IdTokenClaims::from_payload(br#"{"iss":"i","aud":"c","exp":1,"iat":1}"#).unwrap_err();
        assert!(err.contains("missing field `sub`"), "{err}");
        let err = IdTokenClaims::from_payload(
            br#"{"iss":"i","sub":"s","aud":"c","exp":"secret-looking","iat":1}"#,
        )
        .unwrap_err();
        assert!(!err.contains("secret-looking"), "{err}");
        let err =
            UserInfoClaims::from_json(br#"{"sub":"s","email_verified":"maybe"}"#).unwrap_err();
        assert!(!err.contains("maybe"), "{err}");
    }
}
