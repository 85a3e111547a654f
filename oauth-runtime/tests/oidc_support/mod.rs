//! Shared by the `oidc_*` tests: key pairs generated in the test, JWT signing with them, and a
//! scripted HTTP server on 127.0.0.1 that counts and records what it is asked.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use oauth_runtime::jose::{JwsAlgorithm, SigningKey};
use oauth_runtime::limits::Clock;
use rand::RngCore as _;
use rsa::pkcs1::EncodeRsaPrivateKey as _;
use rsa::pkcs8::EncodePublicKey as _;
use rsa::traits::PublicKeyParts as _;
use serde_json::{json, Value};

pub fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A key pair made for one test: what signs, and the public JWK a JWKS would publish.
#[derive(Clone)]
pub struct TestKey {
    pub alg: JwsAlgorithm,
    pub kid: String,
    pub encoding: jsonwebtoken::EncodingKey,
    pub jwk: Value,
    /// The PEM of the public key (for the HS/RS confusion attack).
    pub public_pem: Option<String>,
}

/// One RSA key per test binary: generating 2048-bit keys takes seconds in a debug build.
fn rsa_private() -> &'static rsa::RsaPrivateKey {
    static KEY: OnceLock<rsa::RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| {
        rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).expect("RSA key generation")
    })
}

pub fn rsa_key(kid: &str) -> TestKey {
    let private = rsa_private();
    let public = private.to_public_key();
    let der = private.to_pkcs1_der().expect("PKCS#1 DER");
    TestKey {
        alg: JwsAlgorithm::RS256,
        kid: kid.into(),
        encoding: jsonwebtoken::EncodingKey::from_rsa_der(der.as_bytes()),
        jwk: json!({
            "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
            "n": b64(public.n().to_bytes_be()), "e": b64(public.e().to_bytes_be()),
        }),
        public_pem: Some(
            public
                .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
                .expect("public PEM"),
        ),
    }
}

pub fn ec_key(kid: &str) -> TestKey {
    let secret = loop {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        if let Ok(k) = p256::SecretKey::from_slice(&bytes) {
            break k;
        }
    };
    use p256::pkcs8::EncodePrivateKey as _;
    let der = secret.to_pkcs8_der().expect("PKCS#8");
    let point = secret.public_key().to_sec1_bytes();
    TestKey {
        alg: JwsAlgorithm::ES256,
        kid: kid.into(),
        encoding: jsonwebtoken::EncodingKey::from_ec_der(der.as_bytes()),
        jwk: json!({
            "kty": "EC", "kid": kid, "crv": "P-256",
            "x": b64(&point[1..33]), "y": b64(&point[33..65]),
        }),
        public_pem: None,
    }
}

pub fn ed_key(kid: &str) -> TestKey {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = ed25519_dalek::SigningKey::from_bytes(&bytes);
    use ed25519_dalek::pkcs8::EncodePrivateKey as _;
    let der = secret.to_pkcs8_der().expect("PKCS#8");
    TestKey {
        alg: JwsAlgorithm::EdDSA,
        kid: kid.into(),
        encoding: jsonwebtoken::EncodingKey::from_ed_der(der.as_bytes()),
        jwk: json!({
            "kty": "OKP", "kid": kid, "crv": "Ed25519",
            "x": b64(secret.verifying_key().as_bytes()),
        }),
        public_pem: None,
    }
}

impl TestKey {
    /// The library's signing key for the same private key (EC and Ed keys only).
    pub fn signing_key(&self) -> SigningKey {
        SigningKey::from_pkcs8_der(self.alg, self.encoding.inner())
            .expect("a PKCS#8 key")
            .with_kid(self.kid.clone())
    }

    /// Signs `claims` with `alg` and `kid` in the header (plus `extra` header members).
    pub fn sign_with_header(&self, header: Value, claims: &Value) -> String {
        let mut header = header;
        header["alg"] = json!(self.alg.as_str());
        if header.get("kid").is_none() {
            header["kid"] = json!(self.kid);
        }
        let input = format!(
            "{}.{}",
            b64(serde_json::to_vec(&header).unwrap()),
            b64(serde_json::to_vec(claims).unwrap())
        );
        let alg = match self.alg {
            JwsAlgorithm::RS256 => jsonwebtoken::Algorithm::RS256,
            JwsAlgorithm::ES256 => jsonwebtoken::Algorithm::ES256,
            JwsAlgorithm::EdDSA => jsonwebtoken::Algorithm::EdDSA,
            other => panic!("no test signing for {other}"),
        };
        let sig = jsonwebtoken::crypto::sign(input.as_bytes(), &self.encoding, alg).unwrap();
        format!("{input}.{sig}")
    }

    pub fn sign(&self, claims: &Value) -> String {
        self.sign_with_header(json!({}), claims)
    }
}

pub fn jwks(keys: &[&TestKey]) -> Value {
    json!({ "keys": keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>() })
}

pub fn unix(t: SystemTime) -> i64 {
    t.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A clock the tests move by hand, shareable as `Arc<dyn Clock>`.
#[derive(Clone)]
pub struct TestClock(Arc<Mutex<Instant>>);

impl TestClock {
    pub fn new() -> TestClock {
        TestClock(Arc::new(Mutex::new(Instant::now())))
    }
    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
    pub fn arc(&self) -> Arc<dyn Clock> {
        let me = self.clone();
        Arc::new(move || *me.0.lock().unwrap())
    }
}

/// One scripted answer.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: serde_json::to_vec(body).unwrap(),
        }
    }
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
        }
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A recorded request.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
}

type Handler = Arc<dyn Fn(&Seen) -> Reply + Send + Sync>;

#[derive(Default)]
struct Routes {
    routes: HashMap<String, Handler>,
    seen: Vec<Seen>,
}

/// A server on 127.0.0.1 answering each path with its scripted reply (404 otherwise).
#[derive(Clone)]
pub struct Server {
    pub base: String,
    state: Arc<Mutex<Routes>>,
}

impl Server {
    pub async fn start() -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(Routes::default()));
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&state));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Server { base, state }
    }

    pub fn url(&self, path: &str) -> url::Url {
        format!("{}{path}", self.base).parse().unwrap()
    }

    /// Answers `path` with `reply` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        self.handle(path, move |_| reply.clone());
    }

    /// Answers `path` with whatever `f` makes of the request.
    pub fn handle(&self, path: &str, f: impl Fn(&Seen) -> Reply + Send + Sync + 'static) {
        self.state
            .lock()
            .unwrap()
            .routes
            .insert(path.to_string(), Arc::new(f));
    }

    pub fn hits(&self, path: &str) -> usize {
        self.seen(path).len()
    }

    pub fn seen(&self, path: &str) -> Vec<Seen> {
        self.state
            .lock()
            .unwrap()
            .seen
            .iter()
            .filter(|s| s.path == path)
            .cloned()
            .collect()
    }
}

async fn answer(
    State(state): State<Arc<Mutex<Routes>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    _body: Bytes,
) -> Response {
    let seen = Seen {
        method: method.to_string(),
        path: uri.path().to_string(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect(),
    };
    let handler = {
        let mut routes = state.lock().unwrap();
        routes.seen.push(seen.clone());
        routes.routes.get(&seen.path).cloned()
    };
    let Some(handler) = handler else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let reply = handler(&seen);
    let mut response = Response::new(axum::body::Body::from(reply.body));
    *response.status_mut() = StatusCode::from_u16(reply.status).unwrap();
    for (k, v) in reply.headers {
        response.headers_mut().append(
            axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    response
}
