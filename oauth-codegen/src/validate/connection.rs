//! `connection:`: values learned after authorization. Each has a snake_case name, a source
//! that matches its `from` (a callback parameter, a token-response field, a follow-up call
//! to a declared endpoint) and a format that compiles.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{ConnectionDef, ConnectionFrom, ProviderDef};

use super::variables::compile_format;
use super::{check_snake_case, in_order, owned, unknown_help, Ctx};
use crate::spec::{ConnectionFromSpec, ConnectionValue, Sp};

pub(super) fn connection(
    cx: &mut Ctx<'_>,
    values: &BTreeMap<Sp<String>, ConnectionValue>,
) -> Vec<ConnectionDef> {
    in_order(values)
        .into_iter()
        .map(|(name, c)| {
            check_snake_case(cx, "connection value", name);
            cx.fact(
                format!("connection.{}", name.value),
                c.source.as_ref(),
                c.note.as_deref(),
            );
            compile_format(cx, &format!("connection value `{}`", name.value), &c.format);
            let missing_field = |cx: &mut Ctx<'_>, what: &str| {
                cx.error_help(
                    c.from.pos,
                    format!("connection value `{}` has no `field`", name.value),
                    format!("name the {what} it is read from: `field: <name>`"),
                );
            };
            let from = match c.from.value {
                ConnectionFromSpec::Callback => {
                    if c.field.is_none() {
                        missing_field(cx, "redirect parameter");
                    }
                    ConnectionFrom::Callback {
                        param: c.field.as_ref().map_or(Cow::Borrowed(""), |f| owned(f)),
                    }
                }
                ConnectionFromSpec::TokenResponse => {
                    if c.field.is_none() {
                        missing_field(cx, "token-response field");
                    }
                    ConnectionFrom::TokenResponse {
                        field: c.field.as_ref().map_or(Cow::Borrowed(""), |f| owned(f)),
                    }
                }
                ConnectionFromSpec::Request => match &c.request {
                    Some(r) => ConnectionFrom::Request {
                        endpoint: owned(&r.endpoint),
                        select: owned(&r.select),
                    },
                    None => {
                        cx.error_help(
                            c.from.pos,
                            format!("connection value `{}` has no `request`", name.value),
                            "say which call yields it: `request: { endpoint: <name>, select: \
                             <path> }`",
                        );
                        ConnectionFrom::Request {
                            endpoint: Cow::Borrowed(""),
                            select: Cow::Borrowed(""),
                        }
                    }
                },
            };
            if c.from.value != ConnectionFromSpec::Request && c.request.is_some() {
                cx.error_help(
                    c.from.pos,
                    format!(
                        "connection value `{}` has a `request` but comes from `{}`",
                        name.value,
                        match c.from.value {
                            ConnectionFromSpec::Callback => "callback",
                            _ => "token_response",
                        }
                    ),
                    "write `from: request` for a value a follow-up call yields",
                );
            }
            ConnectionDef {
                name: owned(name),
                description: owned(&c.description),
                from,
                format: owned(&c.format),
                required: c.required,
            }
        })
        .collect()
}

/// After endpoints are resolved: a follow-up call names a declared endpoint.
pub(super) fn check_requests(
    cx: &mut Ctx<'_>,
    values: &BTreeMap<Sp<String>, ConnectionValue>,
    def: &ProviderDef,
) {
    let names: Vec<&str> = def.endpoints.iter().map(|e| e.name.as_ref()).collect();
    for (name, c) in values {
        if let Some(r) = &c.request {
            if !names.contains(&r.endpoint.as_str()) {
                cx.error_help(
                    r.endpoint.pos,
                    format!(
                        "connection value `{}` is requested from unknown endpoint `{}`",
                        name.value, r.endpoint.value
                    ),
                    unknown_help(&r.endpoint, &names, "declared endpoints"),
                );
            }
            if r.select.trim().is_empty() {
                cx.error(r.select.pos, "`select` is empty");
            }
        }
    }
}
