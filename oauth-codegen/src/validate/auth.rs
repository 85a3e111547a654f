//! How the client talks to the token endpoint: `client_auth:` (authentication, including the
//! RFC 7523 JWT methods and Apple's signed secret), `token_request:` (body format, headers)
//! and `param_names:` (standard parameters the provider spells differently).

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{
    BasicEncoding, BodyFormat, ClientAuth, ClientAuthDef, HeaderDef, JwtAlgorithm, JwtDef,
    ParamRename, TokenRequestDef,
};

use super::durations::finite_duration;
use super::templates::{template, Env, Names};
use super::{in_order, owned, unknown_help, Ctx};
use crate::spec::{ClientAuthSpec, ParamRenameSpec, Pos, ShortOrLong, Sp, TokenRequest};

/// The standard parameters `param_names` may rename.
pub(super) const STANDARD_PARAMS: &[&str] = &[
    "client_id",
    "client_secret",
    "response_type",
    "redirect_uri",
    "scope",
    "state",
    "code",
    "grant_type",
    "refresh_token",
    "code_verifier",
    "code_challenge",
    "code_challenge_method",
];

/// Default JWT lifetime: five minutes (RFC 7523 assertions are short-lived).
const DEFAULT_JWT_LIFETIME_SECS: u64 = 300;
/// Apple's limit for a signed client secret: 15,777,000 seconds (six months).
const APPLE_MAX_LIFETIME_SECS: u64 = 15_777_000;

pub(super) fn client_auth(
    cx: &mut Ctx<'_>,
    spec: Option<&Sp<ShortOrLong<ClientAuthSpec>>>,
    names: &Names<'_>,
) -> ClientAuthDef {
    let Some(spec) = spec else {
        return ClientAuthDef {
            method: ClientAuth::Basic,
            public: None,
            basic_encoding: BasicEncoding::Form,
            jwt: None,
        };
    };
    let outer = spec.pos;
    let c = &spec.value.0;
    let at = |inner: Pos| {
        if inner == Pos::default() {
            outer
        } else {
            inner
        }
    };
    cx.fact("client_auth", c.source.as_ref(), c.note.as_deref());
    let method = c.method.value;
    let is_jwt = matches!(
        method,
        ClientAuth::PrivateKeyJwt | ClientAuth::ClientSecretJwt | ClientAuth::SignedClientSecret
    );
    if let Some(e) = &c.encoding {
        if method != ClientAuth::Basic {
            cx.error_help(
                e.pos,
                format!("`encoding` applies to `basic`, not `{method}`"),
                "leave `encoding` out",
            );
        }
    }
    if !is_jwt {
        for (key, given) in [
            ("algorithm", c.algorithm.as_ref().map(|a| a.pos)),
            ("issuer", c.issuer.as_ref().map(|s| s.pos)),
            ("subject", c.subject.as_ref().map(|s| s.pos)),
            ("audience", c.audience.as_ref().map(|s| s.pos)),
            ("lifetime", c.lifetime.as_ref().map(|s| s.pos)),
        ] {
            if let Some(pos) = given {
                cx.error_help(
                    pos,
                    format!("`{key}` applies to the JWT methods, not `{method}`"),
                    "`private_key_jwt`, `client_secret_jwt` and `signed_client_secret` sign a JWT",
                );
            }
        }
    }
    if let Some(p) = &c.public {
        if matches!(
            p.value,
            ClientAuth::PrivateKeyJwt
                | ClientAuth::ClientSecretJwt
                | ClientAuth::SignedClientSecret
        ) {
            cx.error_help(
                p.pos,
                format!(
                    "a public client has no key or secret to sign with (`{}`)",
                    p.value
                ),
                "a public client authenticates with `none` (its client_id in the body)",
            );
        }
    }
    let jwt = is_jwt.then(|| {
        let default_alg = match method {
            ClientAuth::ClientSecretJwt => JwtAlgorithm::Hs256,
            ClientAuth::SignedClientSecret => JwtAlgorithm::Es256,
            _ => JwtAlgorithm::Rs256,
        };
        let algorithm = c.algorithm.as_ref().map_or(default_alg, |a| a.value);
        let hmac = algorithm == JwtAlgorithm::Hs256;
        if let Some(a) = &c.algorithm {
            if (method == ClientAuth::ClientSecretJwt) != hmac {
                cx.error_help(
                    a.pos,
                    format!("`{method}` cannot sign with `{algorithm}`"),
                    if hmac {
                        "HS256 signs with the client secret: use `client_secret_jwt`"
                    } else {
                        "`client_secret_jwt` signs with the client secret: use `HS256`"
                    },
                );
            }
        }
        let claim = |cx: &mut Ctx<'_>, v: &Option<Sp<String>>, what: &str| {
            v.as_ref()
                .and_then(|v| template(cx, v, names, Env::plain(what)))
        };
        let lifetime_secs = c.lifetime.as_ref().map_or(DEFAULT_JWT_LIFETIME_SECS, |l| {
            finite_duration(cx, "lifetime", l)
        });
        if method == ClientAuth::SignedClientSecret && lifetime_secs > APPLE_MAX_LIFETIME_SECS {
            if let Some(l) = &c.lifetime {
                cx.error_help(
                    l.pos,
                    format!("a signed client secret lives at most {APPLE_MAX_LIFETIME_SECS} s (six months)"),
                    "use `180d` or less",
                );
            }
        }
        JwtDef {
            algorithm,
            issuer: claim(cx, &c.issuer, "JWT issuer"),
            subject: claim(cx, &c.subject, "JWT subject"),
            audience: claim(cx, &c.audience, "JWT audience"),
            lifetime_secs,
        }
    });
    let _ = at;
    ClientAuthDef {
        method,
        public: c.public.as_ref().map(|p| p.value),
        basic_encoding: c.encoding.as_ref().map_or(BasicEncoding::Form, |e| e.value),
        jwt,
    }
}

pub(super) fn token_request(
    cx: &mut Ctx<'_>,
    spec: Option<&TokenRequest>,
    names: &Names<'_>,
) -> TokenRequestDef {
    let Some(t) = spec else {
        return TokenRequestDef {
            body: BodyFormat::Form,
            headers: Cow::Owned(Vec::new()),
        };
    };
    cx.fact("token_request", t.source.as_ref(), t.note.as_deref());
    TokenRequestDef {
        body: t.body.as_ref().map_or(BodyFormat::Form, |b| b.value),
        headers: Cow::Owned(headers(cx, &t.headers, names, false)),
    }
}

/// Header templates, in the order written.
pub(super) fn headers(
    cx: &mut Ctx<'_>,
    headers: &BTreeMap<Sp<String>, Sp<String>>,
    names: &Names<'_>,
    connection: bool,
) -> Vec<HeaderDef> {
    in_order(headers)
        .into_iter()
        .filter_map(|(name, value)| {
            let valid = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !valid {
                cx.error_help(
                    name.pos,
                    format!("`{}` is not a valid header name", name.value),
                    "a header name is letters, digits and `-`",
                );
            }
            if name.eq_ignore_ascii_case("authorization") {
                cx.error_help(
                    name.pos,
                    "`Authorization` is set by the token presentation",
                    "describe how the token is sent under `token_presentation`",
                );
            }
            let what = format!("header `{}`", name.value);
            let env = Env {
                what: &what,
                connection,
                token: false,
            };
            let value = template(cx, value, names, env)?;
            Some(HeaderDef {
                name: owned(name),
                value,
            })
        })
        .collect()
}

pub(super) fn param_names(
    cx: &mut Ctx<'_>,
    spec: &BTreeMap<Sp<String>, Sp<ShortOrLong<ParamRenameSpec>>>,
) -> Vec<ParamRename> {
    in_order(spec)
        .into_iter()
        .map(|(standard, rename)| {
            if !STANDARD_PARAMS.contains(&standard.as_str()) {
                cx.error_help(
                    standard.pos,
                    format!("`{}` is not a standard parameter", standard.value),
                    unknown_help(standard, STANDARD_PARAMS, "the standard parameters"),
                );
            }
            let r = &rename.value.0;
            if r.source.is_some() || r.note.is_some() {
                cx.fact(
                    format!("param_names.{}", standard.value),
                    r.source.as_ref(),
                    r.note.as_deref(),
                );
            }
            if let Some(n) = &r.name {
                if n.trim().is_empty() || n.chars().any(|c| c.is_whitespace() || c.is_control()) {
                    cx.error(
                        if n.pos == Pos::default() {
                            rename.pos
                        } else {
                            n.pos
                        },
                        format!("`{}` is not a parameter name", n.value),
                    );
                }
            }
            ParamRename {
                standard: owned(standard),
                wire: r.name.as_ref().map(|n| owned(n)),
            }
        })
        .collect()
}
