//! How token responses are read (`token_response:`), RFC 6749's way unless the spec says
//! otherwise; shared by the top level and custom grants.

use std::borrow::Cow;

use oauth_model::{
    ExpiresIn, ExpiresInZero, FieldNames, ResponseDef, ResponseFormat, ScopeFormat, SecondaryDef,
    Str, TimeFormat, TimeUnit,
};

use super::{error_rules, in_order, owned, Ctx};
use crate::spec::{Sp, TokenResponse};

/// `path` names the fact (`token_response`, `grants.custom.x.response`).
pub(super) fn response(
    cx: &mut Ctx<'_>,
    r: Option<&TokenResponse>,
    scope_separator: &str,
    path: &str,
) -> ResponseDef {
    let default = TokenResponse::default();
    if let Some(r) = r {
        cx.fact(path, r.source.as_ref(), r.note.as_deref());
    }
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
        expires_at: r.fields.expires_at.as_ref().map(|f| owned(f)),
        refresh_token_expires_in: r.fields.refresh_token_expires_in.as_ref().map(|f| owned(f)),
        scope: field(&r.fields.scope, "scope"),
        token_type: field(&r.fields.token_type, "token_type"),
    };
    for extra in &r.extra_fields {
        if extra.trim().is_empty() {
            cx.error(extra.pos, "extra response field name is empty");
        }
    }
    for t in &r.token_types {
        if t.trim().is_empty() || t.chars().any(char::is_whitespace) {
            cx.error_help(
                t.pos,
                format!("token type `{}` contains whitespace", t.value),
                "token types are one word, compared without regard to case; `Bearer` is \
                 always accepted",
            );
        }
    }
    let secondary = in_order(&r.secondary)
        .into_iter()
        .map(|(name, s)| {
            if s.path.trim().is_empty() {
                cx.error(
                    s.path.pos,
                    format!("secondary token set `{}` has an empty path", name.value),
                );
            }
            SecondaryDef {
                name: owned(name),
                path: owned(&s.path),
            }
        })
        .collect();
    ResponseDef {
        format: r.format.as_ref().map_or(ResponseFormat::Json, |f| f.value),
        expires_in: r.expires_in.unwrap_or(ExpiresIn::Full),
        expires_in_unit: r.expires_in_unit.unwrap_or(TimeUnit::Seconds),
        expires_in_zero: r.expires_in_zero.unwrap_or(ExpiresInZero::Expired),
        expires_at_format: r.fields.expires_at_unit.unwrap_or(TimeFormat::UnixSeconds),
        fields,
        extra_fields: Cow::Owned(r.extra_fields.iter().map(|f| owned(f)).collect()),
        scope_separator: owned(r.scope_separator.as_deref().unwrap_or(scope_separator)),
        scope_format: r.scope_format.unwrap_or(ScopeFormat::String),
        token_types: Cow::Owned(r.token_types.iter().map(|t| owned(t)).collect()),
        success_when: r
            .success_when
            .as_ref()
            .map(|t| error_rules::field_test(cx, t)),
        secondary: Cow::Owned(secondary),
    }
}
