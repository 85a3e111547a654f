//! OpenID Connect in the simulator, for a spec with `oidc:`: the provider's metadata at
//! `<issuer path>/.well-known/openid-configuration`, its signing key published at
//! [`JWKS_PATH`], and an ID token with every code exchange of an `openid` authorization
//! (`iss`, `sub`, `aud`, `exp`, `iat`, the authorization's `nonce`, `at_hash`, and a sample
//! value of each claim the spec declares: `sim-<name>`, `true`, `1` or `["sim-<name>"]` by its
//! type), signed ES256 with a P-256 key made fresh at every start.
//!
//! So a client's ID token checks run against specs without a real server: the simulator's
//! tokens pass them, and [`IdTokenTamper`] makes the next one fail exactly one of them.
//! The signing is ring's; nothing here implements a primitive. The private key never leaves
//! this module (no `Debug` shows it).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use oauth_model::{ClaimKind, ProviderDef, RenderContext};
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::render::Reply;
use crate::routes::{default_values, App};

/// Where the simulator publishes its signing key (a JWKS).
pub const JWKS_PATH: &str = "/oauth-sim/jwks";

/// How long the simulator's ID tokens live.
const ID_TOKEN_SECS: u64 = 600;

/// What the next ID token gets wrong, to prove a client refuses it
/// ([`crate::Simulator::tamper_next_id_token`]). Each breaks one property and keeps the rest
/// (a re-signed token stays validly signed unless the signature is what is broken).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdTokenTamper {
    /// One bit of the signature flipped.
    Signature,
    /// `aud` another client's.
    Audience,
    /// `iss` another issuer's.
    Issuer,
    /// `exp` an hour ago (and `iat` two).
    Expired,
    /// `nonce` not the authorization's.
    WrongNonce,
    /// `nonce` left out.
    NoNonce,
    /// `alg: none`, no signature.
    AlgNone,
    /// `alg: HS256` under the signing key's `kid`, the HMAC keyed with its public JWK.
    Hs256,
}

/// The issuer and signing key of a simulated OpenID provider.
pub(crate) struct Oidc {
    /// The spec's issuer, rendered with the default variable values.
    pub issuer: String,
    /// The spec's own claims, each given a sample value.
    claims: Vec<(String, ClaimKind)>,
    key: EcdsaKeyPair,
    kid: String,
    rng: SystemRandom,
}

impl std::fmt::Debug for Oidc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Oidc")
            .field("issuer", &self.issuer)
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl Oidc {
    /// The OpenID side of `def`, `None` without `oidc:`; `Err` when the issuer does not
    /// render or no key can be made.
    pub(crate) fn new(def: &ProviderDef) -> Result<Option<Oidc>, String> {
        let Some(oidc) = &def.oidc else {
            return Ok(None);
        };
        let values = default_values(def);
        let cx = RenderContext {
            vars: &values,
            connection: None,
            client_id: None,
            token: None,
        };
        let issuer = oidc
            .issuer
            .render_with(def, &cx)
            .map_err(|_| format!("{}'s issuer does not render", def.display_name))?;
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .map_err(|_| "no P-256 key could be made".to_string())?;
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .map_err(|_| "the P-256 key does not load".to_string())?;
        let kid = format!(
            "sim-{}",
            &URL_SAFE_NO_PAD.encode(Sha256::digest(key.public_key()))[..16]
        );
        let claims = oidc
            .claims
            .iter()
            .map(|c| (c.name.to_string(), c.kind))
            .collect();
        Ok(Some(Oidc {
            issuer,
            claims,
            key,
            kid,
            rng,
        }))
    }

    /// The public key as a JWK.
    fn public_jwk(&self) -> Value {
        // An uncompressed SEC1 point: 0x04 || x || y.
        let point = self.key.public_key().as_ref();
        let (x, y) = point
            .get(1..)
            .unwrap_or_default()
            .split_at(point.len().saturating_sub(1) / 2);
        json!({
            "kty": "EC",
            "crv": "P-256",
            "x": URL_SAFE_NO_PAD.encode(x),
            "y": URL_SAFE_NO_PAD.encode(y),
            "kid": self.kid,
            "use": "sig",
            "alg": "ES256",
        })
    }

    /// The path of the discovery document: the issuer's path, then the well-known suffix.
    fn discovery_path(&self) -> String {
        let path = url::Url::parse(&self.issuer)
            .map(|u| u.path().trim_end_matches('/').to_string())
            .unwrap_or_default();
        format!("{path}/.well-known/openid-configuration")
    }

    fn sign(&self, header: &Value, claims: &Value) -> String {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let signature = match header["alg"].as_str() {
            Some("ES256") => self
                .key
                .sign(&self.rng, input.as_bytes())
                .map(|s| s.as_ref().to_vec())
                .unwrap_or_default(),
            Some("HS256") => {
                let secret = self.public_jwk().to_string();
                let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
                ring::hmac::sign(&key, input.as_bytes()).as_ref().to_vec()
            }
            _ => Vec::new(),
        };
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }

    /// The ID token of a code exchange by `client_id` for `user`, with the authorization's
    /// `nonce` and `at_hash` of `access_token`, as of `now` (unix seconds), broken as
    /// `tamper` says.
    pub(crate) fn id_token(
        &self,
        client_id: &str,
        user: &str,
        nonce: Option<&str>,
        access_token: &str,
        now: u64,
        tamper: Option<IdTokenTamper>,
    ) -> String {
        let digest = Sha256::digest(access_token.as_bytes());
        let mut claims = Map::new();
        claims.insert("iss".into(), json!(self.issuer));
        claims.insert("sub".into(), json!(user));
        claims.insert("aud".into(), json!(client_id));
        claims.insert("exp".into(), json!(now + ID_TOKEN_SECS));
        claims.insert("iat".into(), json!(now));
        claims.insert(
            "at_hash".into(),
            json!(URL_SAFE_NO_PAD.encode(&digest[..16])),
        );
        if let Some(nonce) = nonce {
            claims.insert("nonce".into(), json!(nonce));
        }
        for (name, kind) in &self.claims {
            let sample = match kind {
                ClaimKind::String => json!(format!("sim-{name}")),
                ClaimKind::Bool => json!(true),
                ClaimKind::Integer => json!(1),
                ClaimKind::Strings => json!([format!("sim-{name}")]),
            };
            claims.insert(name.clone(), sample);
        }
        let mut alg = "ES256";
        match tamper {
            Some(IdTokenTamper::Audience) => {
                claims.insert("aud".into(), json!("another-client"));
            }
            Some(IdTokenTamper::Issuer) => {
                claims.insert("iss".into(), json!("https://issuer.invalid"));
            }
            Some(IdTokenTamper::Expired) => {
                claims.insert("exp".into(), json!(now.saturating_sub(3600)));
                claims.insert("iat".into(), json!(now.saturating_sub(7200)));
            }
            Some(IdTokenTamper::WrongNonce) => {
                claims.insert("nonce".into(), json!("not-the-nonce-that-was-sent"));
            }
            Some(IdTokenTamper::NoNonce) => {
                claims.remove("nonce");
            }
            Some(IdTokenTamper::AlgNone) => alg = "none",
            Some(IdTokenTamper::Hs256) => alg = "HS256",
            Some(IdTokenTamper::Signature) | None => {}
        }
        let header = json!({ "alg": alg, "typ": "JWT", "kid": self.kid });
        let token = self.sign(&header, &Value::Object(claims));
        if tamper == Some(IdTokenTamper::Signature) {
            return flip_signature_bit(&token);
        }
        token
    }
}

/// `token` with the first bit of its signature flipped.
fn flip_signature_bit(token: &str) -> String {
    let Some((input, signature)) = token.rsplit_once('.') else {
        return token.to_string();
    };
    let mut bytes = URL_SAFE_NO_PAD.decode(signature).unwrap_or_default();
    if let Some(first) = bytes.first_mut() {
        *first ^= 1;
    }
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The discovery document or the JWKS, when `path` asks for one of them (any method).
pub(crate) fn serve(app: &App, path: &str) -> Option<Reply> {
    let oidc = app.oidc.as_ref()?;
    if path == JWKS_PATH {
        return Some(Reply::json(200, &json!({ "keys": [oidc.public_jwk()] })));
    }
    if path != oidc.discovery_path() {
        return None;
    }
    let mut doc = Map::new();
    doc.insert("issuer".into(), json!(oidc.issuer));
    doc.insert(
        "jwks_uri".into(),
        json!(format!("{}{JWKS_PATH}", app.origin)),
    );
    for (field, endpoint) in [
        ("authorization_endpoint", "authorize"),
        ("token_endpoint", "token"),
        ("revocation_endpoint", "revoke"),
        ("device_authorization_endpoint", "device_authorization"),
    ] {
        if let Some(route) = app.routes.iter().find(|r| r.name == endpoint) {
            doc.insert(field.into(), json!(format!("{}{}", app.origin, route.path)));
        }
    }
    doc.insert("response_types_supported".into(), json!(["code"]));
    doc.insert("subject_types_supported".into(), json!(["public"]));
    doc.insert(
        "id_token_signing_alg_values_supported".into(),
        json!(["ES256"]),
    );
    doc.insert("code_challenge_methods_supported".into(), json!(["S256"]));
    Some(Reply::json(200, &Value::Object(doc)))
}
