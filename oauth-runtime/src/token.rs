//! The token set a grant yields, and what the runtime knows about its lifetime.

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::oidc::{ExportedDpopKey, IdTokenClaims};
use crate::secret::{AccessToken, RefreshToken};

/// The result of a successful token request.
///
/// Serialises with its secrets *exposed* (that is what token stores need: see
/// [`crate::store`]); `Debug` redacts them, the values of [`TokenSet::extra`] too (they may
/// be secrets: an OpenID `id_token`), and the secrets of its secondary sets.
///
/// Laid out in the order declared, the access token first: in an `Arc<TokenSet>` it then
/// sits right after the reference count, so a cached [`crate::TokenSource::token`] that
/// clones the `Arc` and reads the token usually touches one cache line of the set, not two.
#[derive(Clone, PartialEq)]
#[repr(C)]
pub struct TokenSet {
    /// The access token.
    pub access_token: AccessToken,
    /// `token_type` as the provider sent it (`Bearer`, `bearer`), if it did.
    pub token_type: Option<String>,
    /// The refresh token, if the grant issued one.
    pub refresh_token: Option<RefreshToken>,
    /// When the access token stops working; `None` when the provider says it never expires.
    pub expires_at: Option<SystemTime>,
    /// The scopes granted, when the provider says.
    pub scopes: Option<Vec<String>>,
    /// Further response fields the spec keeps (Zoho's `api_domain`).
    pub extra: BTreeMap<String, String>,
    /// The custom grant that issued it (its token may be presented differently), or `None`
    /// for the standard grants.
    pub issued_by: Option<String>,
    /// When this set was obtained: the moment its token request left (`None` for a set
    /// from before the runtime recorded it). A renewal is due a skew before expiry but never
    /// earlier than halfway through the lifetime counted from here, so every process sharing
    /// the set agrees on when that is.
    pub obtained_at: Option<SystemTime>,
    /// When access tokens were minted with this set's refresh token, this set's own
    /// included, oldest first: only those still live (see [`crate::TokenCap`]), and kept only
    /// for a [`crate::TokenSource`] with a cap. It is stored with the set, so processes
    /// sharing a store count together.
    pub mints: Vec<SystemTime>,
    /// The authorization server that issued the set: the URL of its token endpoint as the
    /// spec renders it for the client's variables (never the origin override). A
    /// [`crate::TokenSource`] refuses a stored set issued elsewhere, so a refresh token is
    /// never sent to, and an access token never used for, another issuer. `None` for a set
    /// made by hand (a source stamps its own issuer on it when it is saved).
    pub issuer: Option<String>,
    /// Values learned after authorization (`connection:` in the spec), by name: a tenant
    /// id, an instance URL. Checked against the spec's format when they arrived; endpoint
    /// templates and API headers render them. Not secrets.
    pub connection: BTreeMap<String, String>,
    /// When the refresh token stops working, when the provider says
    /// (`refresh_token_expires_in`).
    pub refresh_expires_at: Option<SystemTime>,
    /// Further token sets the same response carried (Slack's user token under
    /// `authed_user`), by the spec's name for them.
    pub secondary: BTreeMap<String, TokenSet>,
    /// The DPoP key pair the access (and refresh) token is bound to (RFC 9449), when the
    /// provider issued a `DPoP` token: every request with this set is signed with it. Stored
    /// with the set (sealed where the store is sealed); `Debug` shows only that it is there.
    pub dpop_key: Option<ExportedDpopKey>,
    /// The claims of the ID token verified when this set was obtained or last renewed
    /// (signature, issuer, audience, expiry, nonce, `at_hash`): `None` when the response
    /// carried none. Stored with the set, so UserInfo's `sub` check works after a restart;
    /// `Debug` shows only that they are there.
    pub id_token_claims: Option<Arc<IdTokenClaims>>,
}

impl TokenSet {
    /// The claims of the ID token verified with this set (see [`TokenSet::id_token_claims`]).
    pub fn id_token_claims(&self) -> Option<&IdTokenClaims> {
        self.id_token_claims.as_deref()
    }

    /// A token set holding only an access token (useful in tests and simple integrations).
    pub fn bearer(access_token: impl Into<String>, expires_in: Option<Duration>) -> Self {
        TokenSet {
            access_token: AccessToken::new(access_token),
            token_type: Some("Bearer".into()),
            refresh_token: None,
            expires_at: expires_in.map(|d| crate::time::later(SystemTime::now(), d)),
            scopes: None,
            extra: BTreeMap::new(),
            issued_by: None,
            obtained_at: Some(SystemTime::now()),
            mints: Vec::new(),
            issuer: None,
            connection: BTreeMap::new(),
            refresh_expires_at: None,
            secondary: BTreeMap::new(),
            dpop_key: None,
            id_token_claims: None,
        }
    }

    /// The connection value `name`, if the set has it.
    pub fn connection_value(&self, name: &str) -> Option<&str> {
        self.connection.get(name).map(String::as_str)
    }

    /// The secondary token set `name` (Slack's `user`), if the response carried it.
    pub fn secondary(&self, name: &str) -> Option<&TokenSet> {
        self.secondary.get(name)
    }

    /// Time left before expiry at `now`; `None` when it never expires, zero when expired.
    pub fn remaining(&self, now: SystemTime) -> Option<Duration> {
        self.expires_at
            .map(|at| at.duration_since(now).unwrap_or(Duration::ZERO))
    }

    /// Whether the access token should be renewed at `now`, given the skew to refresh ahead.
    pub fn needs_refresh(&self, now: SystemTime, skew: Duration) -> bool {
        match self.remaining(now) {
            None => false,
            Some(left) => left <= skew,
        }
    }
}

/// The stored form of a [`TokenSet`]: plain data with secrets exposed and times as Unix
/// seconds. Only stores and their tests should see it; its `Debug` redacts the secrets.
#[derive(Serialize, Deserialize, Clone, PartialEq)]
pub struct StoredTokenSet {
    /// Access token.
    pub access_token: String,
    /// Token type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    /// Refresh token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Expiry as Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at_unix_ms: Option<u64>,
    /// Granted scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Extra fields.
    #[serde(default)]
    pub extra: BTreeMap<String, String>,
    /// Issuing custom grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<String>,
    /// When the set was obtained, as Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obtained_at_unix_ms: Option<u64>,
    /// When live access tokens were minted with the refresh token, as Unix milliseconds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mints_unix_ms: Vec<u64>,
    /// The issuing token endpoint (see [`TokenSet::issuer`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Connection values (see [`TokenSet::connection`]); absent in sets stored before them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub connection: BTreeMap<String, String>,
    /// The refresh token's expiry as Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_expires_at_unix_ms: Option<u64>,
    /// Secondary token sets (see [`TokenSet::secondary`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub secondary: BTreeMap<String, StoredTokenSet>,
    /// The DPoP key pair as a private JWK (see [`TokenSet::dpop_key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpop_key: Option<String>,
    /// The verified ID token claims (see [`TokenSet::id_token_claims`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token_claims: Option<IdTokenClaims>,
}

/// Extra fields for `Debug`: the names, each value redacted.
struct RedactedExtra<'a>(&'a BTreeMap<String, String>);

impl fmt::Debug for RedactedExtra<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|k| (k, "[REDACTED]")))
            .finish()
    }
}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("refresh_token", &self.refresh_token)
            .field("expires_at", &self.expires_at)
            .field("scopes", &self.scopes)
            .field("extra", &RedactedExtra(&self.extra))
            .field("issued_by", &self.issued_by)
            .field("obtained_at", &self.obtained_at)
            .field("mints", &self.mints.len())
            .field("issuer", &self.issuer)
            .field("connection", &self.connection)
            .field("refresh_expires_at", &self.refresh_expires_at)
            .field("secondary", &self.secondary)
            .field("dpop_key", &self.dpop_key.as_ref().map(|_| "[REDACTED]"))
            .field(
                "id_token_claims",
                &self.id_token_claims.as_ref().map(|_| "[verified]"),
            )
            .finish()
    }
}

impl fmt::Debug for StoredTokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |o: &Option<String>| o.as_ref().map(|_| "[REDACTED]");
        f.debug_struct("StoredTokenSet")
            .field("access_token", &"[REDACTED]")
            .field("token_type", &self.token_type)
            .field("refresh_token", &redacted(&self.refresh_token))
            .field("expires_at_unix_ms", &self.expires_at_unix_ms)
            .field("scopes", &self.scopes)
            .field("extra", &RedactedExtra(&self.extra))
            .field("issued_by", &self.issued_by)
            .field("obtained_at_unix_ms", &self.obtained_at_unix_ms)
            .field("mints_unix_ms", &self.mints_unix_ms.len())
            .field("issuer", &self.issuer)
            .field("connection", &self.connection)
            .field(
                "refresh_expires_at_unix_ms",
                &self.refresh_expires_at_unix_ms,
            )
            .field("secondary", &self.secondary)
            .field("dpop_key", &redacted(&self.dpop_key))
            .field(
                "id_token_claims",
                &self.id_token_claims.as_ref().map(|_| "[verified]"),
            )
            .finish()
    }
}

/// Milliseconds since the Unix epoch (0 before it).
fn to_unix_ms(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

fn from_unix_ms(ms: u64) -> SystemTime {
    crate::time::later(SystemTime::UNIX_EPOCH, Duration::from_millis(ms))
}

impl From<&TokenSet> for StoredTokenSet {
    fn from(t: &TokenSet) -> Self {
        StoredTokenSet {
            access_token: t.access_token.secret().to_string(),
            token_type: t.token_type.clone(),
            refresh_token: t.refresh_token.as_ref().map(|r| r.secret().to_string()),
            expires_at_unix_ms: t.expires_at.map(to_unix_ms),
            scopes: t.scopes.clone(),
            extra: t.extra.clone(),
            issued_by: t.issued_by.clone(),
            obtained_at_unix_ms: t.obtained_at.map(to_unix_ms),
            mints_unix_ms: t.mints.iter().copied().map(to_unix_ms).collect(),
            issuer: t.issuer.clone(),
            connection: t.connection.clone(),
            refresh_expires_at_unix_ms: t.refresh_expires_at.map(to_unix_ms),
            secondary: t
                .secondary
                .iter()
                .map(|(k, v)| (k.clone(), StoredTokenSet::from(v)))
                .collect(),
            dpop_key: t.dpop_key.as_ref().map(|k| k.secret().to_string()),
            id_token_claims: t.id_token_claims.as_deref().cloned(),
        }
    }
}

impl From<StoredTokenSet> for TokenSet {
    fn from(s: StoredTokenSet) -> Self {
        TokenSet {
            access_token: AccessToken::new(s.access_token),
            token_type: s.token_type,
            refresh_token: s.refresh_token.map(RefreshToken::new),
            expires_at: s.expires_at_unix_ms.map(from_unix_ms),
            scopes: s.scopes,
            extra: s.extra,
            issued_by: s.issued_by,
            obtained_at: s.obtained_at_unix_ms.map(from_unix_ms),
            mints: s.mints_unix_ms.into_iter().map(from_unix_ms).collect(),
            issuer: s.issuer,
            connection: s.connection,
            refresh_expires_at: s.refresh_expires_at_unix_ms.map(from_unix_ms),
            secondary: s
                .secondary
                .into_iter()
                .map(|(k, v)| (k, TokenSet::from(v)))
                .collect(),
            dpop_key: s.dpop_key.map(ExportedDpopKey::new),
            id_token_claims: s.id_token_claims.map(Arc::new),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_set() -> TokenSet {
        let mut user = TokenSet::bearer("xoxp-SENSITIVE-user", None);
        user.refresh_token = Some(RefreshToken::new("user-rt-SENSITIVE"));
        let mut t = TokenSet::bearer("xoxb-SENSITIVE-bot", Some(Duration::from_secs(60)));
        t.refresh_token = Some(RefreshToken::new("rt-SENSITIVE"));
        t.extra.insert("id_token".into(), "eyJ-SENSITIVE".into());
        t.connection.insert("tenant_id".into(), "tenant-42".into());
        t.refresh_expires_at = Some(SystemTime::UNIX_EPOCH + Duration::from_secs(9_000_000));
        t.secondary.insert("user".into(), user);
        t
    }

    #[test]
    fn debug_of_sets_with_connection_values_and_secondary_sets_shows_no_secret() {
        let t = full_set();
        let shown = format!("{t:?} {:?}", StoredTokenSet::from(&t));
        assert!(!shown.contains("SENSITIVE"), "{shown}");
        assert!(
            shown.contains("tenant-42") && shown.contains("user"),
            "{shown}"
        );
    }

    #[test]
    fn stored_sets_round_trip_connection_values_and_secondary_sets() {
        let t = full_set();
        let json = serde_json::to_string(&StoredTokenSet::from(&t)).unwrap();
        let back = TokenSet::from(serde_json::from_str::<StoredTokenSet>(&json).unwrap());
        assert_eq!(back.connection_value("tenant_id"), Some("tenant-42"));
        assert_eq!(
            back.secondary("user").map(|u| u.access_token.secret()),
            Some("xoxp-SENSITIVE-user")
        );
        assert_eq!(back.refresh_expires_at, t.refresh_expires_at);
        // A set stored before connection values existed still loads.
        let old = r#"{"access_token":"a","extra":{}}"#;
        let old = TokenSet::from(serde_json::from_str::<StoredTokenSet>(old).unwrap());
        assert!(old.connection.is_empty() && old.secondary.is_empty());
    }
}
