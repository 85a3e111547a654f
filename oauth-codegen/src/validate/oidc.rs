//! The `oidc:` section: the issuer template, the ID token algorithm allow-list (asymmetric
//! only: `none` and HMAC are refused here, so no spec can open the HS/RS confusion), the clock
//! skew bound, PAR and DPoP, provider-specific claims. Also refuses `pushed_authorization` and
//! `dpop` settings that contradict each other's endpoints.

use std::borrow::Cow;

use oauth_model::oidc::{ID_TOKEN_CLAIMS, STANDARD_CLAIMS};
use oauth_model::{ClaimDef, ClaimKind, OidcDef, Template};

use super::durations::finite_duration;
use super::templates::{self, Env, Names};
use super::{check_snake_case, in_order, owned, unknown_help, Ctx};
use crate::spec::{self, ClaimType};

/// The JWS algorithms an ID token may be signed with (RFC 7518 §3.1 and RFC 8037, asymmetric).
pub const ID_TOKEN_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA", "Ed25519",
];

/// The largest clock skew a spec may allow, in seconds (the runtime's bound too).
pub const MAX_CLOCK_SKEW_SECS: u64 = 300;

/// The default clock skew, in seconds.
pub const DEFAULT_CLOCK_SKEW_SECS: u64 = 60;

pub(super) fn oidc(cx: &mut Ctx<'_>, o: &spec::Oidc, names: &Names<'_>) -> OidcDef {
    cx.fact("oidc", o.source.as_ref(), o.note.as_deref());
    let env = Env {
        what: "issuer",
        connection: false,
        token: false,
    };
    let issuer = templates::template(cx, &o.issuer, names, env);
    if let Some(t) = &issuer {
        templates::check_urls(cx, &o.issuer, t, names);
    }
    // A trailing `/` is kept: some providers' issuers have one (Auth0's
    // `https://{domain}/`), and the comparison is byte for byte; discovery drops it before
    // appending the well-known path (Discovery §4.1).
    if o.issuer.contains(['?', '#']) {
        cx.error_help(
            o.issuer.pos,
            format!(
                "issuer `{}` must not carry a query or fragment",
                o.issuer.value
            ),
            "the issuer is compared byte for byte with the provider's metadata and ID tokens \
             (OpenID Connect Discovery §3): write it exactly as the provider's `issuer`",
        );
    }
    let mut algorithms = Vec::with_capacity(o.id_token_algorithms.len());
    for alg in &o.id_token_algorithms {
        let name = alg.value.as_str();
        if ID_TOKEN_ALGORITHMS.contains(&name) {
            algorithms.push(owned(name));
        } else if name.eq_ignore_ascii_case("none") {
            cx.error_help(
                alg.pos,
                "ID token algorithm `none` is never allowed: an unsigned token proves nothing",
                format!("allowed: {}", ID_TOKEN_ALGORITHMS.join(", ")),
            );
        } else if name.to_ascii_uppercase().starts_with("HS") {
            cx.error_help(
                alg.pos,
                format!(
                    "ID token algorithm `{name}` is an HMAC: ID tokens are verified with the \
                     provider's public keys, never a shared secret"
                ),
                format!("allowed: {}", ID_TOKEN_ALGORITHMS.join(", ")),
            );
        } else {
            cx.error_help(
                alg.pos,
                format!("unknown ID token algorithm `{name}`"),
                unknown_help(name, ID_TOKEN_ALGORITHMS, "allowed"),
            );
        }
    }
    let clock_skew_secs = match &o.clock_skew {
        None => DEFAULT_CLOCK_SKEW_SECS,
        Some(skew) => {
            let secs = finite_duration(cx, "clock_skew", skew);
            if secs > MAX_CLOCK_SKEW_SECS {
                cx.error_help(
                    skew.pos,
                    format!("clock skew `{}` is above 5m", skew.value),
                    "beyond a few minutes an expired ID token is simply accepted; 60s is usual",
                );
            }
            secs.min(MAX_CLOCK_SKEW_SECS)
        }
    };
    let claims = in_order(&o.claims)
        .into_iter()
        .map(|(name, c)| {
            check_snake_case(cx, "claim", name);
            if let Some(clash) = ID_TOKEN_CLAIMS
                .iter()
                .chain(&STANDARD_CLAIMS)
                .find(|s| **s == name.as_str())
            {
                cx.error_help(
                    name.pos,
                    format!("claim `{clash}` is an OpenID Connect Core claim, typed already"),
                    "list only the provider's own claims here",
                );
            }
            cx.fact(
                format!("oidc.claims.{}", name.value),
                c.source.as_ref(),
                None,
            );
            ClaimDef {
                name: owned(name),
                description: owned(c.description.trim()),
                kind: match c.kind {
                    ClaimType::String => ClaimKind::String,
                    ClaimType::Bool => ClaimKind::Bool,
                    ClaimType::Integer => ClaimKind::Integer,
                    ClaimType::Strings => ClaimKind::Strings,
                },
            }
        })
        .collect();
    OidcDef {
        issuer: issuer.unwrap_or_else(|| Template {
            source: owned(&o.issuer),
            parts: Cow::Owned(Vec::new()),
        }),
        discovery: o.discovery,
        id_token_algorithms: Cow::Owned(algorithms),
        clock_skew_secs,
        par: o.par.value,
        dpop: o.dpop.value,
        claims: Cow::Owned(claims),
    }
}
