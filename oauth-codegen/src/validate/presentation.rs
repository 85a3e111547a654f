//! How API calls carry the token: `token_presentation:` (a header with a scheme, a bare token
//! in a custom header, query parameters, or none), and `api:` (headers on every call and
//! further origins that may receive tokens). Shared by the top level and custom grants.

use std::borrow::Cow;

use oauth_model::{ApiDef, Presentation};

use super::auth::headers;
use super::templates::Names;
use super::{owned, Ctx};
use crate::spec::{ApiSpec, Pos, TokenPresentation, UserAgentRule};

/// How tokens are attached to requests; `Authorization: Bearer` unless given. `path` names
/// the fact (`token_presentation`, `grants.custom.x.token_presentation`).
pub(super) fn presentation(
    cx: &mut Ctx<'_>,
    p: Option<&TokenPresentation>,
    path: &str,
) -> Presentation {
    let Some(p) = p else {
        return Presentation::Header {
            name: Cow::Borrowed("Authorization"),
            scheme: Cow::Borrowed("Bearer"),
        };
    };
    cx.fact(path, p.source.as_ref(), p.note.as_deref());
    let given =
        usize::from(p.header.is_some()) + usize::from(p.query.is_some()) + usize::from(p.none);
    if given != 1 {
        let pos = p.source.as_ref().map_or(Pos::default(), |s| s.pos);
        cx.error_help(
            pos,
            format!("`{path}` must give exactly one of `header`, `query` and `none`"),
            "`header: { scheme: Bearer }` is the usual one",
        );
    }
    if p.none {
        return Presentation::None;
    }
    if let Some(q) = &p.query {
        if q.param.trim().is_empty() {
            cx.error_help(
                q.param.pos,
                "token query parameter name is empty",
                "name the parameter that carries the token, such as `access_token`",
            );
        }
        return Presentation::Query {
            param: owned(&q.param),
            extra: Cow::Owned(q.extra.iter().map(|(k, v)| (owned(k), owned(v))).collect()),
        };
    }
    let h = p.header.as_ref();
    let name = h.and_then(|h| h.name.as_ref());
    let scheme = h.and_then(|h| h.scheme.as_ref());
    if let Some(scheme) = scheme {
        if scheme.chars().any(char::is_whitespace) {
            cx.error_help(
                scheme.pos,
                format!("token header scheme `{}` contains a space", scheme.value),
                "the scheme is one word, such as `Bearer` or `Zoho-oauthtoken`",
            );
        }
        // An empty scheme sends the bare token: monday.com wants `Authorization: <token>`.
    }
    if let Some(name) = name {
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
    }
    Presentation::Header {
        name: name.map_or(Cow::Borrowed("Authorization"), |n| owned(n)),
        scheme: scheme.map_or(Cow::Borrowed("Bearer"), |s| owned(s)),
    }
}

pub(super) fn api(cx: &mut Ctx<'_>, spec: Option<&ApiSpec>, names: &Names<'_>) -> ApiDef {
    let Some(a) = spec else {
        return ApiDef::default();
    };
    cx.fact("api", a.source.as_ref(), a.note.as_deref());
    for origin in &a.origins {
        if !origin_pattern_ok(origin) {
            cx.error_help(
                origin.pos,
                format!("`{}` is not an origin pattern", origin.value),
                "write `https://host` or `https://*.domain` (scheme and host, no path)",
            );
        }
    }
    ApiDef {
        headers: Cow::Owned(headers(cx, &a.headers, names, true)),
        origins: Cow::Owned(a.origins.iter().map(|o| owned(o)).collect()),
        user_agent_required: a
            .user_agent
            .as_ref()
            .is_some_and(|u| u.value == UserAgentRule::Required),
    }
}

/// `https://host[:port]`, or `https://*.domain` with one leading label wildcard over a
/// domain of at least two labels (`*.com` would hand tokens to the whole TLD); http only for
/// loopback hosts.
fn origin_pattern_ok(pattern: &str) -> bool {
    let concrete = pattern.replacen("://*.", "://wildcard.", 1);
    let Ok(u) = url::Url::parse(&concrete) else {
        return false;
    };
    let Some(host) = u.host_str() else {
        return false;
    };
    let wildcard = pattern.contains("://*.");
    if host.contains('*') || (wildcard && host.matches('.').count() < 2) {
        return false;
    }
    let loopback = matches!(u.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    let scheme_ok = u.scheme() == "https" || (u.scheme() == "http" && loopback);
    scheme_ok
        && u.path() == "/"
        && u.query().is_none()
        && !pattern.ends_with('/')
        && pattern.matches('*').count() <= 1
}
