//! Helpers of the raw-HTTP tests: a simulator from a spec written inline, an HTTP client that
//! follows no redirect, and the JWTs and keys a client signs with (through `ring`).
//!
//! These tests speak plain HTTP on purpose: they are the contract a client in any language
//! can hold the simulator to.
#![allow(dead_code)]

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use oauth_sim::Simulator;
use ring::rand::SystemRandom;
use ring::signature::{self, EcdsaKeyPair, Ed25519KeyPair, KeyPair, RsaKeyPair};
use serde_json::Value;
use sha2::{Digest, Sha256};
use url::Url;

pub const REDIRECT: &str = "http://localhost:8080/callback";
pub const VERIFIER: &str = "dBjftJeZ4CVP-mJ92K9TVkT1xyz0123456789abcdefghi";

/// The S256 challenge of [`VERIFIER`].
pub fn challenge() -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER))
}

/// Starts a simulator serving the spec `yaml`.
pub fn sim(yaml: &str) -> Simulator {
    let def = oauth_testkit::spec::def_from_yaml("inline", yaml);
    match Simulator::start(def.clone()) {
        Ok(sim) => sim,
        Err(e) => panic!("{e}"),
    }
}

/// An HTTP client that does not follow redirects and sends no `User-Agent`.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The URL of endpoint `name` on the simulator.
pub fn url(sim: &Simulator, name: &str) -> Url {
    sim.endpoint_url(name)
        .unwrap_or_else(|| panic!("no endpoint {name}"))
}

/// Status and body text.
pub async fn text(resp: reqwest::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body"))
}

/// Status and JSON body.
pub async fn json(resp: reqwest::Response) -> (u16, Value) {
    let (status, body) = text(resp).await;
    let v = serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    (status, v)
}

/// Sends and reads a JSON answer.
pub async fn send(rb: reqwest::RequestBuilder) -> (u16, Value) {
    json(rb.send().await.expect("request")).await
}

/// A string field of a JSON body (`""` when absent).
pub fn s<'a>(v: &'a Value, path: &str) -> &'a str {
    let mut node = v;
    for seg in path.split('.') {
        node = &node[seg];
    }
    node.as_str().unwrap_or("")
}

/// A query parameter of a URL.
pub fn param(u: &Url, name: &str) -> Option<String> {
    u.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Calls the authorize endpoint with `pairs` and returns the redirect target.
pub async fn authorize(sim: &Simulator, pairs: &[(&str, &str)]) -> Url {
    let resp = http()
        .get(url(sim, "authorize"))
        .query(pairs)
        .send()
        .await
        .expect("authorize");
    assert_eq!(resp.status(), 302, "authorize should redirect");
    let loc = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string();
    Url::parse(&loc).expect("redirect URL")
}

/// The standard authorize parameters for client `id`, plus `extra`.
pub fn code_request<'a>(id: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut pairs = vec![
        ("client_id", id),
        ("response_type", "code"),
        ("redirect_uri", REDIRECT),
        ("state", "xyz"),
    ];
    pairs.extend_from_slice(extra);
    pairs
}

/// Authorizes client `id` and returns the code.
pub async fn code(sim: &Simulator, id: &str, extra: &[(&str, &str)]) -> String {
    let to = authorize(sim, &code_request(id, extra)).await;
    param(&to, "code").unwrap_or_else(|| panic!("no code in {to}"))
}

/// Calls the sample API with a bearer token (and a `User-Agent`).
pub async fn me(sim: &Simulator, token: &str) -> (u16, Value) {
    send(
        http()
            .get(url(sim, "api"))
            .header("user-agent", "raw-test")
            .bearer_auth(token),
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// keys and JWTs

/// A signing key and its public JWK.
pub enum Key {
    Rsa(RsaKeyPair),
    P256(EcdsaKeyPair),
    Ed25519(Ed25519KeyPair),
}

impl Key {
    /// The fixed 2048-bit RSA test key.
    pub fn rsa() -> Key {
        let b64 = include_str!("../keys/rsa_2048.pk8.b64");
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .expect("base64");
        Key::Rsa(RsaKeyPair::from_pkcs8(&der).expect("RSA key"))
    }

    /// A fresh P-256 key.
    pub fn p256() -> Key {
        let rng = SystemRandom::new();
        let alg = &signature::ECDSA_P256_SHA256_FIXED_SIGNING;
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(alg, &rng).expect("generate");
        Key::P256(EcdsaKeyPair::from_pkcs8(alg, pkcs8.as_ref(), &rng).expect("pair"))
    }

    /// A fresh Ed25519 key.
    pub fn ed25519() -> Key {
        let rng = SystemRandom::new();
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).expect("generate");
        Key::Ed25519(Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("pair"))
    }

    /// The public JWK, with `kid` when given.
    pub fn jwk(&self, kid: Option<&str>) -> String {
        let mut jwk = match self {
            Key::Rsa(pair) => {
                let c: signature::RsaPublicKeyComponents<Vec<u8>> = pair.public().into();
                serde_json::json!({"kty": "RSA", "n": b64(&c.n), "e": b64(&c.e)})
            }
            Key::P256(pair) => {
                let p = pair.public_key().as_ref();
                serde_json::json!({"kty": "EC", "crv": "P-256", "x": b64(&p[1..33]), "y": b64(&p[33..65])})
            }
            Key::Ed25519(pair) => {
                serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": b64(pair.public_key().as_ref())})
            }
        };
        if let Some(kid) = kid {
            jwk["kid"] = Value::from(kid);
        }
        jwk.to_string()
    }

    /// The JWS algorithm this key signs with.
    pub fn alg(&self) -> &'static str {
        match self {
            Key::Rsa(_) => "RS256",
            Key::P256(_) => "ES256",
            Key::Ed25519(_) => "EdDSA",
        }
    }

    /// A JWT of `claims`, signed, with `header` fields added to `{"alg": .., "typ": "JWT"}`.
    pub fn sign(&self, header: &Value, claims: &Value) -> String {
        let mut h = serde_json::json!({"alg": self.alg(), "typ": "JWT"});
        if let (Some(h), Some(extra)) = (h.as_object_mut(), header.as_object()) {
            for (k, v) in extra {
                h.insert(k.clone(), v.clone());
            }
        }
        let input = format!(
            "{}.{}",
            b64(h.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let rng = SystemRandom::new();
        let sig = match self {
            Key::Rsa(pair) => {
                let mut sig = vec![0; pair.public().modulus_len()];
                pair.sign(
                    &signature::RSA_PKCS1_SHA256,
                    &rng,
                    input.as_bytes(),
                    &mut sig,
                )
                .expect("sign");
                sig
            }
            Key::P256(pair) => pair
                .sign(&rng, input.as_bytes())
                .expect("sign")
                .as_ref()
                .to_vec(),
            Key::Ed25519(pair) => pair.sign(input.as_bytes()).as_ref().to_vec(),
        };
        format!("{input}.{}", b64(&sig))
    }
}

/// An HS256 JWT of `claims` keyed with `secret`.
pub fn hs256(secret: &str, claims: &Value) -> String {
    let h = serde_json::json!({"alg": "HS256", "typ": "JWT"});
    let input = format!(
        "{}.{}",
        b64(h.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let tag = ring::hmac::sign(&key, input.as_bytes());
    format!("{input}.{}", b64(tag.as_ref()))
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The hidden inputs of a form-post page, by name.
pub fn form_inputs(html: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in html.lines() {
        let Some(rest) = line.trim().strip_prefix("<input type=\"hidden\" name=\"") else {
            continue;
        };
        let Some((name, rest)) = rest.split_once("\" value=\"") else {
            continue;
        };
        let Some((value, _)) = rest.split_once("\"/>") else {
            continue;
        };
        out.insert(unescape(name), unescape(value));
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
