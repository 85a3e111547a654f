//! ID token verification against keys generated here and a JWKS served from 127.0.0.1: every
//! check, every refusal, and the JWKS cache's refetch on an unknown `kid` and its rate limit.

mod oidc_support;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use oauth_runtime::jose::JwsAlgorithm;
use oauth_runtime::oidc::hash::token_hash;
use oauth_runtime::oidc::{
    Expected, IdTokenError, IdTokenVerifier, JwksCache, JwksError, Nonce, VerifierConfigError,
};
use oauth_runtime::{AccessToken, AuthorizationCode, ClientId};
use oidc_support::{
    b64, ec_key, ed_key, hs256, jwks, other_rsa_key, rsa_key, unix, Reply, Server, TestClock,
    TestKey,
};
use serde_json::{json, Value};

const CLIENT: &str = "client-1";

struct Fixture {
    server: Server,
    clock: TestClock,
    verifier: IdTokenVerifier,
}

impl Fixture {
    async fn new(keys: &[&TestKey]) -> Fixture {
        Fixture::with_refetch(keys, Duration::from_secs(30)).await
    }

    async fn with_refetch(keys: &[&TestKey], min_refetch: Duration) -> Fixture {
        let server = Server::start().await;
        server.set("/jwks", Reply::json(200, &jwks(keys)));
        let clock = TestClock::new();
        let cache = JwksCache::builder(server.url("/jwks"))
            .clock(clock.arc())
            .min_refetch_interval(min_refetch)
            .build()
            .unwrap();
        let verifier =
            IdTokenVerifier::builder(&server.base, ClientId::new(CLIENT), Arc::new(cache))
                .build()
                .unwrap();
        Fixture {
            server,
            clock,
            verifier,
        }
    }

    fn claims(&self) -> Value {
        let now = unix(SystemTime::now());
        json!({
            "iss": self.server.base, "sub": "user-7", "aud": CLIENT,
            "iat": now, "exp": now + 300, "email": "u@example.com", "email_verified": true,
            "tenant": "t-9",
        })
    }

    async fn verify(
        &self,
        token: &str,
    ) -> Result<oauth_runtime::oidc::IdTokenClaims, IdTokenError> {
        self.verifier.verify(token, &Expected::default()).await
    }

    fn jwks_fetches(&self) -> usize {
        self.server.hits("/jwks")
    }
}

/// The error must not quote the token or any part of it.
fn assert_quiet(err: &IdTokenError, token: &str) {
    let shown = format!("{err} {err:?}");
    for part in token.split('.').filter(|p| p.len() > 8) {
        assert!(!shown.contains(part), "error shows the token: {shown}");
    }
}

#[tokio::test]
async fn rs256_ps256_es256_and_eddsa_tokens_verify_with_typed_claims() {
    let (rsa, ec, ed) = (rsa_key("r1"), ec_key("e1"), ed_key("d1"));
    let pss = other_rsa_key("p1").with_alg(JwsAlgorithm::PS256);
    let f = Fixture::new(&[&rsa, &pss, &ec, &ed]).await;
    for key in [&rsa, &pss, &ec, &ed] {
        let claims = f.verify(&key.sign(&f.claims())).await.unwrap_or_else(|e| {
            panic!("{} token refused: {e}", key.alg);
        });
        assert_eq!(claims.sub, "user-7");
        assert_eq!(claims.aud, [CLIENT]);
        assert_eq!(claims.standard.email.as_deref(), Some("u@example.com"));
        assert_eq!(claims.standard.email_verified, Some(true));
        assert_eq!(claims.extra.get("tenant"), Some(&json!("t-9")));
        assert!(!claims.extra.contains_key("email"));
    }
    assert_eq!(f.jwks_fetches(), 1, "one fetch serves every key");
}

#[tokio::test]
async fn a_forged_or_tampered_signature_is_refused() {
    for (real, attacker) in [
        (ec_key("k1"), ec_key("k1")),
        (rsa_key("k1"), other_rsa_key("k1")),
    ] {
        let f = Fixture::new(&[&real]).await;
        let forged = attacker.sign(&f.claims());
        let err = f.verify(&forged).await.unwrap_err();
        assert!(matches!(err, IdTokenError::Signature), "{err:?}");
        assert_quiet(&err, &forged);

        // A genuine token with its claims swapped for others.
        let genuine = real.sign(&f.claims());
        let parts: Vec<&str> = genuine.split('.').collect();
        let mut evil = f.claims();
        evil["sub"] = json!("admin");
        let tampered = format!("{}.{}.{}", parts[0], b64(evil.to_string()), parts[2]);
        let err = f.verify(&tampered).await.unwrap_err();
        assert!(matches!(err, IdTokenError::Signature), "{err:?}");
        f.verify(&genuine)
            .await
            .expect("the untouched token verifies");
    }
}

#[tokio::test]
async fn alg_none_is_refused() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    for none in ["none", "None", "NONE"] {
        let token = format!(
            "{}.{}.",
            b64(json!({"alg": none, "kid": "k1"}).to_string()),
            b64(f.claims().to_string())
        );
        let err = f.verify(&token).await.unwrap_err();
        assert!(
            matches!(&err, IdTokenError::Algorithm { alg } if alg == none),
            "{err:?}"
        );
    }
    assert_eq!(f.jwks_fetches(), 0, "refused before any key is looked up");
}

#[tokio::test]
async fn hs256_signed_with_the_rsa_public_key_is_refused() {
    let rsa = rsa_key("r1");
    let f = Fixture::new(&[&rsa]).await;
    let pem = rsa.public_pem.clone().unwrap();
    // The classic confusion: the public key's bytes used as an HMAC secret.
    for secret in [pem.as_bytes().to_vec(), rsa.jwk.to_string().into_bytes()] {
        let input = format!(
            "{}.{}",
            b64(json!({"alg": "HS256", "kid": "r1"}).to_string()),
            b64(f.claims().to_string())
        );
        let sig = b64(hs256(&secret, input.as_bytes()));
        let err = f.verify(&format!("{input}.{sig}")).await.unwrap_err();
        assert!(
            matches!(&err, IdTokenError::Algorithm { alg } if alg == "HS256"),
            "{err:?}"
        );
    }
    // And no configuration can allow it.
    let cache = Arc::new(JwksCache::new(f.server.url("/jwks")).unwrap());
    let refused = IdTokenVerifier::builder(&f.server.base, ClientId::new(CLIENT), cache)
        .algorithms([JwsAlgorithm::RS256, JwsAlgorithm::HS256])
        .build();
    assert_eq!(
        refused.unwrap_err(),
        VerifierConfigError::SymmetricAlgorithm(JwsAlgorithm::HS256)
    );
}

#[tokio::test]
async fn an_algorithm_outside_the_allow_list_or_unfit_for_the_key_is_refused() {
    let (rsa, ec) = (rsa_key("r1"), ec_key("e1"));
    let server = Server::start().await;
    server.set("/jwks", Reply::json(200, &jwks(&[&rsa, &ec])));
    let cache = Arc::new(JwksCache::new(server.url("/jwks")).unwrap());
    let only_es256 = IdTokenVerifier::builder(&server.base, ClientId::new(CLIENT), cache)
        .algorithms([JwsAlgorithm::ES256])
        .build()
        .unwrap();
    let now = unix(SystemTime::now());
    let claims =
        json!({"iss": server.base, "sub": "s", "aud": CLIENT, "iat": now, "exp": now + 60});
    let err = only_es256
        .verify(&rsa.sign(&claims), &Expected::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, IdTokenError::Algorithm { alg } if alg == "RS256"),
        "{err:?}"
    );

    // An ES256 header naming the RSA key's kid: the key does not fit the algorithm.
    let lying = ec.sign_with_header(json!({"kid": "r1"}), &claims);
    let err = only_es256
        .verify(&lying, &Expected::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, IdTokenError::KeyMismatch { kid: Some(k), alg: JwsAlgorithm::ES256 } if k == "r1"),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_issuer_must_match_exactly() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    for iss in [format!("{}/", f.server.base), "https://evil.example".into()] {
        let mut claims = f.claims();
        claims["iss"] = json!(iss);
        let err = f.verify(&key.sign(&claims)).await.unwrap_err();
        assert!(
            matches!(&err, IdTokenError::Issuer { found, .. } if *found == iss),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn another_audience_is_refused_and_azp_is_checked() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    let with = |aud: Value, azp: Option<&str>| {
        let mut c = f.claims();
        c["aud"] = aud;
        if let Some(azp) = azp {
            c["azp"] = json!(azp);
        }
        key.sign(&c)
    };
    let err = f
        .verify(&with(json!("other-client"), None))
        .await
        .unwrap_err();
    assert!(matches!(err, IdTokenError::Audience { .. }), "{err:?}");
    let err = f
        .verify(&with(json!(["other-client"]), None))
        .await
        .unwrap_err();
    assert!(matches!(err, IdTokenError::Audience { .. }), "{err:?}");
    // Several audiences: the others must be trusted, and azp must name us.
    let err = f
        .verify(&with(json!([CLIENT, "api"]), Some(CLIENT)))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, IdTokenError::UntrustedAudience { audience } if audience == "api"),
        "{err:?}"
    );

    let cache = Arc::clone(f.verifier.jwks());
    let trusting = IdTokenVerifier::builder(&f.server.base, ClientId::new(CLIENT), cache)
        .trust_audience("api")
        .build()
        .unwrap();
    let verify = |t: String| {
        let trusting = trusting.clone();
        async move { trusting.verify(&t, &Expected::default()).await }
    };
    verify(with(json!([CLIENT, "api"]), Some(CLIENT)))
        .await
        .expect("trusted second audience, azp is us");
    let err = verify(with(json!([CLIENT, "api"]), None))
        .await
        .unwrap_err();
    assert!(
        matches!(err, IdTokenError::AuthorizedParty { found: None }),
        "{err:?}"
    );
    let err = verify(with(json!([CLIENT, "api"]), Some("api")))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, IdTokenError::AuthorizedParty { found: Some(f) } if f == "api"),
        "{err:?}"
    );
}

#[tokio::test]
async fn expiry_issue_time_and_not_before_honour_a_bounded_skew() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    let now = SystemTime::now();
    let n = unix(now);
    let at = |exp: i64, iat: i64, nbf: Option<i64>| {
        let mut c = f.claims();
        c["exp"] = json!(exp);
        c["iat"] = json!(iat);
        if let Some(nbf) = nbf {
            c["nbf"] = json!(nbf);
        }
        key.sign(&c)
    };
    let verifier = &f.verifier;
    let check = |t: String| async move { verifier.verify_at(&t, &Expected::default(), now).await };

    check(at(n - 30, n - 300, None))
        .await
        .expect("expired 30 s ago: within the default 60 s skew");
    let err = check(at(n - 61, n - 300, None)).await.unwrap_err();
    assert!(
        matches!(err, IdTokenError::Expired { skew: 60, .. }),
        "{err:?}"
    );
    check(at(n + 300, n + 59, None))
        .await
        .expect("issued 59 s ahead: within the skew");
    let err = check(at(n + 300, n + 120, None)).await.unwrap_err();
    assert!(
        matches!(err, IdTokenError::IssuedInFuture { .. }),
        "{err:?}"
    );
    let err = check(at(n + 300, n, Some(n + 120))).await.unwrap_err();
    assert!(matches!(err, IdTokenError::NotYetValid { .. }), "{err:?}");

    // Configurable, but capped.
    let strict = IdTokenVerifier::builder(
        &f.server.base,
        ClientId::new(CLIENT),
        Arc::clone(f.verifier.jwks()),
    )
    .clock_skew(Duration::ZERO)
    .build()
    .unwrap();
    let err = strict
        .verify_at(&at(n - 1, n - 300, None), &Expected::default(), now)
        .await
        .unwrap_err();
    assert!(
        matches!(err, IdTokenError::Expired { skew: 0, .. }),
        "{err:?}"
    );
    let too_lax = IdTokenVerifier::builder(
        &f.server.base,
        ClientId::new(CLIENT),
        Arc::clone(f.verifier.jwks()),
    )
    .clock_skew(Duration::from_secs(3600))
    .build();
    assert_eq!(too_lax.unwrap_err(), VerifierConfigError::ClockSkew);
}

#[tokio::test]
async fn the_nonce_must_be_the_pending_authorizations() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    let (ours, earlier) = (Nonce::random(), Nonce::random());
    let with_nonce = |n: Option<&Nonce>| {
        let mut c = f.claims();
        if let Some(n) = n {
            c["nonce"] = json!(n.secret());
        }
        key.sign(&c)
    };
    let expect = Expected {
        nonce: Some(&ours),
        ..Expected::default()
    };
    let claims = f
        .verifier
        .verify(&with_nonce(Some(&ours)), &expect)
        .await
        .expect("our nonce");
    assert_eq!(claims.nonce.as_deref(), Some(ours.secret()));

    let err = f
        .verifier
        .verify(&with_nonce(None), &expect)
        .await
        .unwrap_err();
    assert!(
        matches!(err, IdTokenError::Nonce { missing: true }),
        "{err:?}"
    );
    // A token replayed from an earlier authorization carries that one's nonce.
    let replayed = with_nonce(Some(&earlier));
    let err = f.verifier.verify(&replayed, &expect).await.unwrap_err();
    assert!(
        matches!(err, IdTokenError::Nonce { missing: false }),
        "{err:?}"
    );
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(ours.secret()) && !shown.contains(earlier.secret()));
}

#[tokio::test]
async fn at_hash_and_c_hash_bind_the_access_token_and_code() {
    let (ec, ed) = (ec_key("k1"), ed_key("k2"));
    let f = Fixture::new(&[&ec, &ed]).await;
    let token = AccessToken::new("access-token-value");
    let code = AuthorizationCode::new("code-value");
    let expect = Expected {
        access_token: Some(&token),
        code: Some(&code),
        ..Expected::default()
    };
    for key in [&ec, &ed] {
        // Computed here independently: left half of SHA-256 (ES256) / SHA-512 (EdDSA).
        let half = |v: &str| {
            use sha2::Digest as _;
            let digest = match key.alg {
                JwsAlgorithm::ES256 => sha2::Sha256::digest(v.as_bytes()).to_vec(),
                _ => sha2::Sha512::digest(v.as_bytes()).to_vec(),
            };
            b64(&digest[..digest.len() / 2])
        };
        assert_eq!(half("x"), token_hash(key.alg, "x"));
        let mut claims = f.claims();
        claims["at_hash"] = json!(half("access-token-value"));
        claims["c_hash"] = json!(half("code-value"));
        f.verifier
            .verify(&key.sign(&claims), &expect)
            .await
            .expect("matching hashes");

        let mut wrong = claims.clone();
        wrong["at_hash"] = json!(half("another-token"));
        let err = f
            .verifier
            .verify(&key.sign(&wrong), &expect)
            .await
            .unwrap_err();
        assert!(matches!(err, IdTokenError::AtHash), "{err:?}");
        let mut wrong = claims.clone();
        wrong["c_hash"] = json!(half("another-code"));
        let err = f
            .verifier
            .verify(&key.sign(&wrong), &expect)
            .await
            .unwrap_err();
        assert!(matches!(err, IdTokenError::CHash), "{err:?}");
    }
    // Absent hashes pass unless the response type requires them.
    let plain = ec.sign(&f.claims());
    f.verifier.verify(&plain, &expect).await.expect("no hashes");
    let required = Expected {
        require_at_hash: true,
        ..expect
    };
    let err = f.verifier.verify(&plain, &required).await.unwrap_err();
    assert!(matches!(err, IdTokenError::AtHash), "{err:?}");
}

#[tokio::test]
async fn max_age_requires_a_recent_auth_time() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    let n = unix(SystemTime::now());
    let expect = Expected {
        max_age: Some(Duration::from_secs(600)),
        ..Expected::default()
    };
    let err = f
        .verifier
        .verify(&key.sign(&f.claims()), &expect)
        .await
        .unwrap_err();
    assert!(
        matches!(err, IdTokenError::AuthTime { missing: true }),
        "{err:?}"
    );
    let mut old = f.claims();
    old["auth_time"] = json!(n - 3600);
    let err = f
        .verifier
        .verify(&key.sign(&old), &expect)
        .await
        .unwrap_err();
    assert!(
        matches!(err, IdTokenError::AuthTime { missing: false }),
        "{err:?}"
    );
    old["auth_time"] = json!(n - 60);
    f.verifier
        .verify(&key.sign(&old), &expect)
        .await
        .expect("recent login");
}

#[tokio::test]
async fn malformed_tokens_and_other_jwt_types_are_refused() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    for bad in ["", "a.b", "a.b.c.d.e", "e30.e30.e30", "!!!.e30.sig"] {
        let err = f.verify(bad).await.unwrap_err();
        assert!(matches!(err, IdTokenError::Malformed(_)), "{bad}: {err:?}");
    }
    let at = key.sign_with_header(json!({"typ": "at+jwt"}), &f.claims());
    let err = f.verify(&at).await.unwrap_err();
    assert!(matches!(err, IdTokenError::Malformed(_)), "{err:?}");
    let mut no_sub = f.claims();
    no_sub.as_object_mut().unwrap().remove("sub");
    let err = f.verify(&key.sign(&no_sub)).await.unwrap_err();
    assert!(
        matches!(&err, IdTokenError::Malformed(r) if r.contains("sub")),
        "{err:?}"
    );
}

/// `claims` signed by `key` under a header with no `kid` at all.
fn sign_without_kid(key: &TestKey, claims: &Value) -> String {
    let input = format!(
        "{}.{}",
        b64(json!({"alg": "ES256"}).to_string()),
        b64(claims.to_string())
    );
    let sig = b64(key.signature(input.as_bytes()));
    format!("{input}.{sig}")
}

#[tokio::test]
async fn a_token_without_kid_uses_the_only_fitting_key_and_never_guesses_between_two() {
    let (a, b) = (ec_key("a"), ec_key("b"));
    let one = Fixture::new(&[&a]).await;
    one.verify(&sign_without_kid(&a, &one.claims()))
        .await
        .expect("one key, no kid");

    let two = Fixture::new(&[&a, &b]).await;
    let err = two
        .verify(&sign_without_kid(&a, &two.claims()))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            IdTokenError::Jwks(JwksError::AmbiguousKey(JwsAlgorithm::ES256))
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_unknown_kid_triggers_exactly_one_refetch() {
    for (old, new) in [
        (ec_key("2024"), ec_key("2025")),
        (rsa_key("2024"), other_rsa_key("2025")),
    ] {
        let f = Fixture::new(&[&old]).await;
        f.verify(&old.sign(&f.claims())).await.expect("old key");
        assert_eq!(f.jwks_fetches(), 1);

        // The provider rotates; our cached set is still fresh but lacks the new key.
        f.server
            .set("/jwks", Reply::json(200, &jwks(&[&old, &new])));
        f.clock.advance(Duration::from_secs(31));
        let claims = f
            .verify(&new.sign(&f.claims()))
            .await
            .expect("new key after one refetch");
        assert_eq!(claims.sub, "user-7");
        assert_eq!(f.jwks_fetches(), 2, "exactly one refetch");
        f.verify(&new.sign(&f.claims())).await.expect("now cached");
        f.verify(&old.sign(&f.claims()))
            .await
            .expect("old key still there");
        assert_eq!(f.jwks_fetches(), 2);

        // A kid the provider does not have either: one refetch (the interval has passed), then a
        // typed error saying so.
        f.clock.advance(Duration::from_secs(31));
        let stranger = ec_key("unknown");
        let token = stranger.sign(&f.claims());
        let err = f.verify(&token).await.unwrap_err();
        assert!(
            matches!(&err, IdTokenError::UnknownKey { kid: Some(k), refetched: true } if k == "unknown"),
            "{err:?}"
        );
        assert_quiet(&err, &token);
        assert_eq!(f.jwks_fetches(), 3);
    }
}

#[tokio::test]
async fn random_kids_cannot_make_us_hammer_the_jwks() {
    let key = ec_key("real");
    let f = Fixture::with_refetch(&[&key], Duration::from_secs(60)).await;
    f.verify(&key.sign(&f.claims())).await.unwrap();
    assert_eq!(f.jwks_fetches(), 1);

    let attack = |n: usize| {
        let claims = f.claims();
        (0..n)
            .map(|i| ec_key(&format!("random-{i}-{}", rand::random::<u64>())).sign(&claims))
            .collect::<Vec<_>>()
    };
    // Right after a fetch: no refetch at all.
    for token in attack(20) {
        let err = f.verify(&token).await.unwrap_err();
        assert!(
            matches!(
                err,
                IdTokenError::UnknownKey {
                    refetched: false,
                    ..
                }
            ),
            "{err:?}"
        );
    }
    assert_eq!(f.jwks_fetches(), 1);

    // Once the interval has passed, 50 concurrent random kids cause one refetch between them.
    f.clock.advance(Duration::from_secs(61));
    let verifier = f.verifier.clone();
    let tasks: Vec<_> = attack(50)
        .into_iter()
        .map(|t| {
            let v = verifier.clone();
            tokio::spawn(async move { v.verify(&t, &Expected::default()).await })
        })
        .collect();
    for task in tasks {
        let err = task.await.unwrap().unwrap_err();
        assert!(matches!(err, IdTokenError::UnknownKey { .. }), "{err:?}");
    }
    assert_eq!(f.jwks_fetches(), 2, "one refetch for 50 unknown kids");
    // The real key still verifies without another fetch.
    f.verify(&key.sign(&f.claims())).await.unwrap();
    assert_eq!(f.jwks_fetches(), 2);
}

#[tokio::test]
async fn the_jwks_is_cached_for_its_max_age_and_a_failed_refresh_keeps_the_stale_set() {
    let key = ec_key("k1");
    let f = Fixture::new(&[&key]).await;
    f.server.set(
        "/jwks",
        Reply::json(200, &jwks(&[&key])).header("cache-control", "public, max-age=120"),
    );
    let token = key.sign(&f.claims());
    f.verify(&token).await.unwrap();
    f.clock.advance(Duration::from_secs(100));
    f.verify(&token).await.unwrap();
    assert_eq!(f.jwks_fetches(), 1, "still fresh at 100 s");
    f.clock.advance(Duration::from_secs(30));
    f.verify(&token).await.unwrap();
    assert_eq!(f.jwks_fetches(), 2, "refetched after max-age");

    // The JWKS endpoint breaks: the stale set keeps working, and the broken endpoint is
    // retried at most once per refetch interval.
    f.server.set("/jwks", Reply::json(500, &json!({})));
    f.clock.advance(Duration::from_secs(121));
    f.verify(&token).await.expect("stale set used");
    f.verify(&token).await.expect("stale set used");
    assert_eq!(f.jwks_fetches(), 3);

    // With no set to fall back on, a failed fetch is not retried before the interval.
    let cold = JwksCache::builder(f.server.url("/jwks"))
        .clock(f.clock.arc())
        .build()
        .unwrap();
    let before = f.jwks_fetches();
    assert!(matches!(
        cold.keys().await.unwrap_err(),
        JwksError::Status { status: 500 }
    ));
    for _ in 0..5 {
        assert!(matches!(
            cold.keys().await.unwrap_err(),
            JwksError::RecentlyFailed
        ));
    }
    assert_eq!(f.jwks_fetches(), before + 1);
    f.server.set("/jwks", Reply::json(200, &jwks(&[&key])));
    f.clock.advance(Duration::from_secs(31));
    assert_eq!(cold.keys().await.unwrap().keys.len(), 1);
}

#[tokio::test]
async fn a_jwks_uri_off_loopback_without_https_is_refused() {
    let err = JwksCache::new("http://keys.example.com/jwks".parse().unwrap()).unwrap_err();
    assert!(err.to_string().contains("https"), "{err}");
}
