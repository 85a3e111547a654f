//! How tokens travel: `token_presentation:` (how an access token is attached to requests) and
//! `token_response:` (how token-endpoint responses are read), shared by the top level and
//! custom grants.

use std::borrow::Cow;

use oauth_model::{
    ExpiresIn, FieldNames, Presentation, ResponseDef, ResponseFormat, Str, TimeUnit,
};

use super::{error_rules, owned, Ctx};
use crate::spec::{Sp, TokenPresentation, TokenResponse};

/// How tokens are attached to requests; `Authorization: Bearer` unless given.
pub(super) fn presentation(cx: &mut Ctx<'_>, p: Option<&TokenPresentation>) -> Presentation {
    match p {
        None => Presentation::Header {
            scheme: Cow::Borrowed("Bearer"),
        },
        Some(TokenPresentation::Header { scheme }) => {
            if scheme.is_empty() {
                cx.error_help(
                    scheme.pos,
                    "token header scheme is empty",
                    "the scheme is the word before the token, such as `Bearer`",
                );
            } else if scheme.chars().any(char::is_whitespace) {
                cx.error_help(
                    scheme.pos,
                    format!("token header scheme `{}` contains a space", scheme.value),
                    "the scheme is one word, such as `Bearer` or `Zoho-oauthtoken`",
                );
            }
            Presentation::Header {
                scheme: owned(scheme),
            }
        }
        Some(TokenPresentation::Query { param, extra }) => {
            if param.trim().is_empty() {
                cx.error_help(
                    param.pos,
                    "token query parameter name is empty",
                    "name the parameter that carries the token, such as `access_token`",
                );
            }
            Presentation::Query {
                param: owned(param),
                extra: Cow::Owned(extra.iter().map(|(k, v)| (owned(k), owned(v))).collect()),
            }
        }
    }
}

/// How token responses are read, RFC 6749's way unless given otherwise.
pub(super) fn response(
    cx: &mut Ctx<'_>,
    r: Option<&TokenResponse>,
    scope_separator: &str,
) -> ResponseDef {
    let default = TokenResponse::default();
    let r = r.unwrap_or(&default);
    let mut field = |given: &Option<Sp<String>>, rfc: &'static str| -> Str {
        match given {
            None => Cow::Borrowed(rfc),
            Some(name) => {
                if name.trim().is_empty() {
                    cx.error_help(
                        name.pos,
                        format!("response field name for `{rfc}` is empty"),
                        format!("leave it out to use `{rfc}`"),
                    );
                }
                owned(name)
            }
        }
    };
    let fields = FieldNames {
        access_token: field(&r.fields.access_token, "access_token"),
        refresh_token: field(&r.fields.refresh_token, "refresh_token"),
        expires_in: field(&r.fields.expires_in, "expires_in"),
        scope: field(&r.fields.scope, "scope"),
        token_type: field(&r.fields.token_type, "token_type"),
    };
    for extra in &r.extra_fields {
        if extra.trim().is_empty() {
            cx.error(extra.pos, "extra response field name is empty");
        }
    }
    ResponseDef {
        format: r.format.as_ref().map_or(ResponseFormat::Json, |f| f.value),
        expires_in: r.expires_in.unwrap_or(ExpiresIn::Full),
        expires_in_unit: r.expires_in_unit.unwrap_or(TimeUnit::Seconds),
        fields,
        extra_fields: Cow::Owned(r.extra_fields.iter().map(|f| owned(f)).collect()),
        scope_separator: owned(r.scope_separator.as_deref().unwrap_or(scope_separator)),
        success_when: r
            .success_when
            .as_ref()
            .map(|t| error_rules::field_test(cx, t)),
    }
}
