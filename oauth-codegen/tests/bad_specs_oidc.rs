//! Broken `oidc:` sections, and what the generator says: one error at the YAML position of
//! the mistake, with the fix. (The helpers are in `common/`.)

mod common;

use common::{assert_diag, check};
use oauth_codegen::Diagnostic;
use oauth_model::{ClaimKind, Requirement};

const HEAD: &str = "provider: { name: Example, display_name: Example }
endpoints:
  authorize: { url: https://id.example.com/auth }
  token: { url: https://id.example.com/token }
grants:
  authorization_code: {}
";

/// The one problem of `HEAD` + `rest`; fails if there are more or none.
#[track_caller]
fn only_error(rest: &str) -> Diagnostic {
    common::only_error(&format!("{HEAD}{rest}"))
}

#[test]
fn a_full_oidc_section_resolves_with_its_defaults() {
    let yaml = format!(
        "{HEAD}variables:\n  tenant: {{ description: The tenant., format: \"[a-z]+\" }}\noidc:\n  issuer: \"https://login.example.com/{{tenant}}/v2.0\"\n  id_token_algorithms: [RS256, ES256]\n  par: required\n  claims:\n    tid: {{ description: The tenant id. }}\n    groups: {{ description: Group ids., type: strings }}\n"
    );
    let def = check(&yaml).unwrap_or_else(|e| panic!("{e}"));
    let oidc = def.oidc.expect("oidc");
    assert_eq!(
        oidc.issuer.source,
        "https://login.example.com/{tenant}/v2.0"
    );
    assert!(oidc.discovery);
    assert_eq!(oidc.id_token_algorithms.as_ref(), ["RS256", "ES256"]);
    assert_eq!(oidc.clock_skew_secs, 60);
    assert_eq!(
        (oidc.par, oidc.dpop),
        (Requirement::Required, Requirement::Optional)
    );
    let claims: Vec<_> = oidc
        .claims
        .iter()
        .map(|c| (c.name.as_ref(), c.kind))
        .collect();
    assert_eq!(
        claims,
        [("tid", ClaimKind::String), ("groups", ClaimKind::Strings)]
    );
}

#[test]
fn alg_none_is_refused_where_it_is_written() {
    let d = only_error(
        "oidc:\n  issuer: https://id.example.com\n  id_token_algorithms: [RS256, none]\n",
    );
    assert_diag(
        &d,
        "specs/bad.yaml:9:32",
        "ID token algorithm `none` is never allowed: an unsigned token proves nothing",
        Some("allowed: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, EdDSA, Ed25519"),
    );
}

#[test]
fn an_hmac_algorithm_is_refused() {
    let d = only_error("oidc:\n  issuer: https://id.example.com\n  id_token_algorithms: [HS256]\n");
    assert_eq!(d.location(), "specs/bad.yaml:9:25");
    assert!(d.message.contains("`HS256` is an HMAC"), "{d}");
}

#[test]
fn an_unknown_algorithm_gets_a_did_you_mean() {
    let d = only_error("oidc:\n  issuer: https://id.example.com\n  id_token_algorithms: [ES265]\n");
    assert_diag(
        &d,
        "specs/bad.yaml:9:25",
        "unknown ID token algorithm `ES265`",
        Some("did you mean `ES256`?"),
    );
}

#[test]
fn an_issuer_with_a_trailing_slash_is_kept_as_written() {
    // Auth0's issuer is `https://{domain}/`: compared byte for byte, so written with its `/`.
    let yaml = format!("{HEAD}oidc:\n  issuer: https://tenant.auth0.example/\n");
    let def = check(&yaml).unwrap_or_else(|e| panic!("{e}"));
    let oidc = def.oidc.expect("oidc");
    assert_eq!(oidc.issuer.source, "https://tenant.auth0.example/");
}

#[test]
fn an_issuer_with_a_query_is_refused() {
    let d = only_error("oidc:\n  issuer: https://id.example.com/?tenant=1\n");
    assert_eq!(d.location(), "specs/bad.yaml:8:11");
    assert!(
        d.message.contains("must not carry a query or fragment"),
        "{d}"
    );
}

#[test]
fn a_plain_http_issuer_is_refused() {
    let d = only_error("oidc:\n  issuer: http://id.example.com\n");
    assert_eq!(d.location(), "specs/bad.yaml:8:11");
}

#[test]
fn an_issuer_naming_an_unknown_variable_is_refused() {
    let d = only_error("oidc:\n  issuer: \"https://{tenat}.example.com\"\n");
    assert_eq!(d.location(), "specs/bad.yaml:8:11");
    assert!(d.message.contains("tenat"), "{d}");
}

#[test]
fn a_clock_skew_above_five_minutes_is_refused() {
    let d = only_error("oidc:\n  issuer: https://id.example.com\n  clock_skew: 10m\n");
    assert_diag(
        &d,
        "specs/bad.yaml:9:15",
        "clock skew `10m` is above 5m",
        Some("beyond a few minutes an expired ID token is simply accepted; 60s is usual"),
    );
}

#[test]
fn a_bad_par_value_is_a_shape_error_at_its_position() {
    let yaml = format!("{HEAD}oidc:\n  issuer: https://id.example.com\n  par: always\n");
    let d = check(&yaml).expect_err("bad par").0.remove(0);
    assert_eq!(d.location(), "specs/bad.yaml:9:8");
}

#[test]
fn a_standard_claim_cannot_be_redeclared() {
    // One of the standard claims (Core §5.1) and one of the ID token's own (Core §2).
    for claim in ["email", "sid"] {
        let d = only_error(&format!(
            "oidc:\n  issuer: https://id.example.com\n  claims:\n    {claim}: {{ description: A claim. }}\n"
        ));
        assert_eq!(d.location(), "specs/bad.yaml:10:5");
        assert!(
            d.message
                .contains(&format!("`{claim}` is an OpenID Connect Core claim")),
            "{d}"
        );
    }
}

#[test]
fn an_unknown_key_in_oidc_suggests_the_right_one() {
    let yaml = format!("{HEAD}oidc:\n  issuer: https://id.example.com\n  discovry: true\n");
    let d = check(&yaml).expect_err("unknown key").0.remove(0);
    assert_eq!(d.location(), "specs/bad.yaml:9:3");
    assert_eq!(d.help.as_deref(), Some("did you mean `discovery`?"), "{d}");
}
