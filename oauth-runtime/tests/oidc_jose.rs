//! Client assertions (RFC 7523), Apple's client secret and DPoP proofs (RFC 9449), each
//! verified here with the public key, independently of the code that signed it.

mod oidc_support;

use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use oauth_runtime::jose::{
    AppleClientSecret, ClientAssertion, JoseError, JwsAlgorithm, CLIENT_ASSERTION_TYPE,
};
use oauth_runtime::oidc::{DpopKey, ExportedDpopKey, Jwk};
use oauth_runtime::{AccessToken, ClientId, ClientSecret};
use oidc_support::{b64, ec_key, ed_key, hs256, other_rsa_key, rsa_key, unix, verifies};
use serde_json::{json, Value};
use sha2::Digest as _;

fn part(jwt: &str, i: usize) -> Value {
    let bytes = URL_SAFE_NO_PAD
        .decode(jwt.split('.').nth(i).expect("part"))
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn private_key_jwt_has_rfc_7523_claims_and_verifies() {
    for key in [
        ec_key("client-key-1"),
        ed_key("client-key-2"),
        rsa_key("client-key-3"),
        other_rsa_key("client-key-4").with_alg(JwsAlgorithm::PS256),
        rsa_key("client-key-5").with_alg(JwsAlgorithm::RS512),
    ] {
        let at = SystemTime::now();
        let assertion = ClientAssertion::builder(&ClientId::new("cid"), "https://as.example/token")
            .lifetime(Duration::from_secs(120))
            .issued_at(at)
            .private_key_jwt(&key.signing_key())
            .unwrap();
        let jwt = assertion.secret();
        assert!(verifies(jwt, &key.jwk, key.alg), "{}", key.alg);
        let header = part(jwt, 0);
        assert_eq!(header["kid"], json!(key.kid));
        assert_eq!(header["alg"], json!(key.alg.as_str()));
        let claims = part(jwt, 1);
        assert_eq!(claims["iss"], "cid");
        assert_eq!(claims["sub"], "cid");
        assert_eq!(claims["aud"], "https://as.example/token");
        assert_eq!(claims["iat"], json!(unix(at)));
        assert_eq!(claims["exp"], json!(unix(at) + 120));
        assert!(claims["jti"].as_str().is_some_and(|j| j.len() >= 22));
        assert_eq!(
            assertion.form_params(),
            [
                ("client_assertion_type", CLIENT_ASSERTION_TYPE),
                ("client_assertion", jwt)
            ]
        );
        assert_eq!(format!("{assertion:?}"), "ClientAssertion([REDACTED])");
    }
    // Every assertion has its own jti.
    let key = ec_key("k").signing_key();
    let b = ClientAssertion::builder(&ClientId::new("cid"), "aud");
    let (one, two) = (
        b.private_key_jwt(&key).unwrap(),
        b.private_key_jwt(&key).unwrap(),
    );
    assert_ne!(part(one.secret(), 1)["jti"], part(two.secret(), 1)["jti"]);
}

#[test]
fn client_secret_jwt_is_an_hmac_of_the_secret() {
    let secret = ClientSecret::new("a-client-secret-of-at-least-32-bytes!!");
    let assertion = ClientAssertion::builder(&ClientId::new("cid"), "https://as.example/token")
        .client_secret_jwt(&secret, JwsAlgorithm::HS256)
        .unwrap();
    let jwt = assertion.secret();
    let (input, sig) = jwt.rsplit_once('.').unwrap();
    assert_eq!(
        sig,
        b64(hs256(secret.secret().as_bytes(), input.as_bytes()))
    );
    assert_eq!(part(jwt, 0)["alg"], "HS256");
    assert_eq!(part(jwt, 1)["sub"], "cid");
    let refused = ClientAssertion::builder(&ClientId::new("cid"), "aud")
        .client_secret_jwt(&secret, JwsAlgorithm::RS256);
    assert!(matches!(refused, Err(JoseError::Key { .. })), "{refused:?}");
}

#[test]
fn assertions_refuse_bad_lifetimes_and_hmac_keys_as_private_keys() {
    let key = ec_key("k").signing_key();
    let b = ClientAssertion::builder(&ClientId::new("cid"), "aud");
    for lifetime in [Duration::ZERO, Duration::from_secs(3601)] {
        assert!(matches!(
            b.clone().lifetime(lifetime).private_key_jwt(&key),
            Err(JoseError::Invalid(_))
        ));
    }
    let hmac = oauth_runtime::jose::SigningKey::hmac(
        JwsAlgorithm::HS256,
        &ClientSecret::new("secret-secret-secret"),
    )
    .unwrap();
    assert!(matches!(
        b.private_key_jwt(&hmac),
        Err(JoseError::Invalid(_))
    ));
    assert!(matches!(
        ClientAssertion::builder(&ClientId::new(""), "aud").private_key_jwt(&key),
        Err(JoseError::Invalid(_))
    ));
}

#[test]
fn a_key_that_does_not_fit_its_algorithm_is_refused_when_loaded() {
    let ec = ec_key("k");
    assert!(matches!(
        oauth_runtime::jose::SigningKey::from_pkcs8_der(JwsAlgorithm::ES384, &ec.private_der),
        Err(JoseError::Key { .. })
    ));
    assert!(matches!(
        oauth_runtime::jose::SigningKey::from_pkcs8_der(JwsAlgorithm::EdDSA, &ec.private_der),
        Err(JoseError::Key { .. })
    ));
    // From PEM: each key only for its own type, PKCS#1 for RSA only.
    let ec_pem = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        base64::engine::general_purpose::STANDARD.encode(&ec.private_der)
    );
    let (pkcs8_rsa, pkcs1_rsa) = (
        rsa_key("r").private_pem.unwrap(),
        other_rsa_key("r").private_pem.unwrap(),
    );
    assert!(pkcs1_rsa.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
    for (alg, pem) in [
        (JwsAlgorithm::ES256, ec_pem.as_str()),
        (JwsAlgorithm::RS256, pkcs8_rsa),
        (JwsAlgorithm::PS384, pkcs1_rsa),
    ] {
        oauth_runtime::jose::SigningKey::from_pem(alg, pem.as_bytes())
            .unwrap_or_else(|e| panic!("{alg}: {e}"));
    }
    for (alg, pem) in [
        (JwsAlgorithm::RS256, ec_pem.as_str()),
        (JwsAlgorithm::ES384, ec_pem.as_str()),
        (JwsAlgorithm::ES256, pkcs8_rsa),
        (JwsAlgorithm::ES256, pkcs1_rsa),
        (JwsAlgorithm::EdDSA, pkcs1_rsa),
    ] {
        assert!(
            matches!(
                oauth_runtime::jose::SigningKey::from_pem(alg, pem.as_bytes()),
                Err(JoseError::Key { .. })
            ),
            "{alg} took {}",
            pem.lines().next().unwrap()
        );
    }
    let shown = format!("{:?}", ec.signing_key());
    assert!(
        shown.contains("REDACTED") && shown.contains("ES256"),
        "{shown}"
    );
}

#[test]
fn apple_client_secret_is_es256_with_team_and_key_ids() {
    let key = ec_key("ABC123DEFG");
    let at = SystemTime::now();
    let secret = AppleClientSecret::builder("TEAM123456", &ClientId::new("com.example.web"))
        .lifetime(oauth_runtime::jose::APPLE_MAX_LIFETIME)
        .issued_at(at)
        .sign(&key.signing_key())
        .unwrap();
    let jwt = secret.secret();
    assert!(verifies(jwt, &key.jwk, JwsAlgorithm::ES256));
    assert_eq!(part(jwt, 0), json!({"alg": "ES256", "kid": "ABC123DEFG"}));
    let claims = part(jwt, 1);
    assert_eq!(claims["iss"], "TEAM123456");
    assert_eq!(claims["sub"], "com.example.web");
    assert_eq!(claims["aud"], "https://appleid.apple.com");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        15_777_000
    );

    let b = AppleClientSecret::builder("TEAM123456", &ClientId::new("com.example.web"));
    assert!(matches!(
        b.clone()
            .lifetime(Duration::from_secs(15_777_001))
            .sign(&key.signing_key()),
        Err(JoseError::Invalid(_))
    ));
    let no_kid =
        oauth_runtime::jose::SigningKey::from_pkcs8_der(JwsAlgorithm::ES256, &key.private_der)
            .unwrap();
    assert!(matches!(b.sign(&no_kid), Err(JoseError::Invalid(_))));
    assert!(matches!(
        b.sign(&ed_key("k").signing_key()),
        Err(JoseError::Invalid(_))
    ));
}

#[test]
fn dpop_proofs_carry_rfc_9449_claims_and_verify_with_their_header_key() {
    for alg in [JwsAlgorithm::ES256, JwsAlgorithm::EdDSA] {
        let key = DpopKey::generate_for(alg).unwrap();
        let url: url::Url = "https://api.example.com/v1/items?page=2#frag"
            .parse()
            .unwrap();
        let token = AccessToken::new("an-access-token");
        let at = SystemTime::now();
        let proof = key
            .proof(&http::Method::POST, &url)
            .unwrap()
            .access_token(&token)
            .nonce("server-nonce")
            .issued_at(at)
            .sign()
            .unwrap();
        let jwt = proof.as_str();
        let header = part(jwt, 0);
        assert_eq!(header["typ"], "dpop+jwt");
        assert_eq!(header["alg"], alg.as_str());
        assert!(header.get("kid").is_none());
        let jwk = header["jwk"].clone();
        assert!(jwk.get("d").is_none(), "no private key in the header");
        assert!(verifies(jwt, &jwk, alg));

        let claims = part(jwt, 1);
        assert_eq!(claims["htm"], "POST");
        assert_eq!(claims["htu"], "https://api.example.com/v1/items");
        assert_eq!(claims["iat"], json!(unix(at)));
        assert_eq!(claims["nonce"], "server-nonce");
        assert_eq!(
            claims["ath"],
            json!(b64(sha2::Sha256::digest(b"an-access-token")))
        );
        assert!(claims["jti"].as_str().is_some_and(|j| j.len() >= 22));

        // The thumbprint, recomputed here from the header's key (RFC 7638).
        let canonical = match alg {
            JwsAlgorithm::ES256 => format!(
                r#"{{"crv":"P-256","kty":"EC","x":"{}","y":"{}"}}"#,
                jwk["x"].as_str().unwrap(),
                jwk["y"].as_str().unwrap()
            ),
            _ => format!(
                r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
                jwk["x"].as_str().unwrap()
            ),
        };
        assert_eq!(key.thumbprint(), b64(sha2::Sha256::digest(canonical)));
        let parsed: Jwk = serde_json::from_value(jwk).unwrap();
        assert_eq!(parsed.thumbprint().unwrap(), key.thumbprint());

        // A token request proof: no ath, no nonce, fresh jti.
        let plain = key
            .proof(&http::Method::POST, &url)
            .unwrap()
            .sign()
            .unwrap();
        let plain_claims = part(plain.as_str(), 1);
        assert!(plain_claims.get("ath").is_none() && plain_claims.get("nonce").is_none());
        assert_ne!(plain_claims["jti"], claims["jti"]);
    }
    let key = DpopKey::generate().unwrap();
    assert!(key
        .proof(&http::Method::GET, &"ftp://x.example/".parse().unwrap())
        .is_err());
    assert!(DpopKey::generate_for(JwsAlgorithm::RS256).is_err());
}

#[test]
fn dpop_keys_export_and_import_with_the_private_key_redacted() {
    for alg in [JwsAlgorithm::ES256, JwsAlgorithm::EdDSA] {
        let key = DpopKey::generate_for(alg).unwrap();
        let exported = key.export();
        let private: Value = serde_json::from_str(exported.secret()).unwrap();
        let d = private["d"].as_str().unwrap().to_string();
        for shown in [format!("{key:?}"), format!("{exported:?}")] {
            assert!(!shown.contains(&d), "{shown}");
        }
        assert!(format!("{key:?}").contains(key.thumbprint()));

        let back = DpopKey::import(&ExportedDpopKey::new(exported.secret())).unwrap();
        assert_eq!(back.thumbprint(), key.thumbprint());
        assert_eq!(back.public_jwk(), key.public_jwk());
        // The imported key signs proofs the original's public key verifies.
        let proof = back
            .proof(&http::Method::GET, &"https://x.example/r".parse().unwrap())
            .unwrap()
            .sign()
            .unwrap();
        assert_eq!(
            part(proof.as_str(), 0)["jwk"],
            serde_json::to_value(key.public_jwk()).unwrap()
        );

        // A private key whose public members were swapped is refused.
        let mut tampered = private.clone();
        tampered["x"] = json!(DpopKey::generate_for(alg).unwrap().public_jwk().x);
        assert!(DpopKey::import(&ExportedDpopKey::new(tampered.to_string())).is_err());
    }
    assert!(DpopKey::import(&ExportedDpopKey::new("{}")).is_err());
}

#[test]
fn signing_keys_read_private_jwks() {
    for alg in [JwsAlgorithm::ES256, JwsAlgorithm::EdDSA] {
        let pair = DpopKey::generate_for(alg).unwrap();
        let mut private: Value = serde_json::from_str(pair.export().secret()).unwrap();
        private["kid"] = json!("from-jwk");
        let key = oauth_runtime::jose::SigningKey::from_jwk(&private.to_string()).unwrap();
        assert_eq!((key.algorithm(), key.kid()), (alg, Some("from-jwk")));
        let jwt = ClientAssertion::builder(&ClientId::new("cid"), "aud")
            .private_key_jwt(&key)
            .unwrap();
        let public = serde_json::to_value(pair.public_jwk()).unwrap();
        assert!(verifies(jwt.secret(), &public, alg));
    }
    for bad in [
        r#"{"kty":"RSA","d":"AQAB"}"#,
        r#"{"kty":"EC","crv":"P-256","d":"!"}"#,
        "[]",
    ] {
        assert!(
            matches!(
                oauth_runtime::jose::SigningKey::from_jwk(bad),
                Err(JoseError::Key { .. })
            ),
            "{bad}"
        );
    }
}
