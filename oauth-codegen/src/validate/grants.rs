//! `grants:`: each grant's endpoints exist, its parameters are consistent (fixed and
//! templated parameters never take a name the runtime sends itself), and custom grants have
//! usable method and argument names.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{
    AuthorizationCodeDef, CallbackParamDef, ClientCredentialsDef, CustomGrantDef, CustomParamDef,
    DeviceCodeDef, EndpointDef, ExtraParamDef, GrantsDef, HmacDef, HmacEncoding, ParamDef,
    ParamSource, ParamsIn, PinDef, Presentation, RefreshDef, RenewWith, ResponseDef, ResponseMode,
    Str, VariableKind,
};

use super::durations::finite_duration;
use super::presentation::presentation;
use super::response::response;
use super::templates::{template, Env, Names};
use super::variables::compile_format;
use super::{check_snake_case, deprecation, in_order, owned, unknown_help, Ctx};
use crate::spec::{self, CustomGrant, CustomParam, Params, Pos, Sp};

/// Names the runtime sends itself on authorize and token requests; a spec cannot declare them
/// as parameters (they would go on the wire twice). Renaming them is `param_names`' job.
pub(super) const RESERVED: &[&str] = &[
    "state",
    "code_challenge",
    "code_challenge_method",
    "client_id",
    "client_secret",
    "redirect_uri",
    "response_type",
    "scope",
    "grant_type",
    "code",
    "code_verifier",
    "refresh_token",
    "client_assertion",
    "client_assertion_type",
];

/// RFC 8628 §3.4.
const DEVICE_GRANT_TYPE: &str = "urn:ietf:params:oauth:grant-type:device_code";
/// RFC 8628 §3.5 suggests 5 seconds when the server names no interval.
const DEFAULT_POLL_SECS: u64 = 5;

/// What grants are checked against.
pub(super) struct Inputs<'a> {
    /// The `grants` section.
    pub spec: &'a spec::Grants,
    /// Variables and connection values (callback parameters select a variable; parameters
    /// are templates).
    pub names: &'a Names<'a>,
    /// Resolved endpoints (grants name them).
    pub endpoints: &'a [EndpointDef],
    /// The top-level response rules, the default for custom grants.
    pub response: &'a ResponseDef,
    /// The top-level presentation, the default for custom grants.
    pub presentation: &'a Presentation,
    /// The default separator of a custom grant response's `scope` field.
    pub scope_separator: &'a str,
}

pub(super) fn grants(cx: &mut Ctx<'_>, inp: &Inputs<'_>) -> GrantsDef {
    let g = inp.spec;
    let names: Vec<&str> = inp.endpoints.iter().map(|e| e.name.as_ref()).collect();
    let ep = |cx: &mut Ctx<'_>, grant: &str, given: &Option<Sp<String>>, slot: Slot| {
        endpoint(cx, &names, grant, given.as_ref(), slot)
    };

    let authorization_code = g.authorization_code.as_ref().map(|a| {
        let grant = "grant `authorization_code`";
        cx.fact(
            "grants.authorization_code",
            a.source.as_ref(),
            a.note.as_deref(),
        );
        let hmac = a
            .callback
            .as_ref()
            .and_then(|c| c.hmac.as_ref())
            .map(|h| hmac(cx, h));
        AuthorizationCodeDef {
            authorize_endpoint: ep(cx, grant, &a.authorize_endpoint, AUTHORIZE),
            token_endpoint: ep(cx, grant, &a.token_endpoint, TOKEN),
            state: a.state.value,
            pkce: a.pkce.value,
            redirect_uri: a.redirect_uri.value,
            params: Cow::Owned(params(cx, &a.params, inp.names, "authorize parameter")),
            extra_params: Cow::Owned(extra_params(cx, &a.extra_params, &a.params)),
            token_params: Cow::Owned(params(cx, &a.token_params, inp.names, "token parameter")),
            callback_params: Cow::Owned(callback_params(
                cx,
                &a.callback_params,
                inp.names.variables,
            )),
            response_mode: a
                .response_mode
                .as_ref()
                .map_or(ResponseMode::Query, |m| m.value),
            hmac,
            code_length: a.code_length,
        }
    });
    let pin = g.pin.as_ref().map(|p| {
        cx.fact("grants.pin", p.source.as_ref(), p.note.as_deref());
        PinDef {
            authorize_endpoint: ep(cx, "grant `pin`", &p.authorize_endpoint, AUTHORIZE),
            token_endpoint: ep(cx, "grant `pin`", &p.token_endpoint, TOKEN),
            state: p.state.value,
            code_length: p.code_length,
        }
    });
    let refresh_token = g.refresh_token.as_ref().map(|r| {
        cx.fact("grants.refresh_token", r.source.as_ref(), r.note.as_deref());
        let renew_with = r
            .using
            .as_ref()
            .map_or(RenewWith::RefreshToken, |u| u.value);
        let default_param = match renew_with {
            RenewWith::RefreshToken => "refresh_token",
            RenewWith::AccessToken => "access_token",
        };
        if renew_with == RenewWith::AccessToken && r.grant_type.is_none() {
            if let Some(u) = &r.using {
                cx.error_help(
                    u.pos,
                    "a renewal that exchanges the access token needs its `grant_type`",
                    "name it, e.g. `grant_type: fb_exchange_token` and `token_param: \
                     fb_exchange_token`",
                );
            }
        }
        RefreshDef {
            token_endpoint: ep(cx, "grant `refresh_token`", &r.token_endpoint, TOKEN),
            rotates: r.rotates,
            send_scope: r.send_scope,
            send_redirect_uri: r.send_redirect_uri,
            renew_with,
            grant_type: r
                .grant_type
                .as_ref()
                .map_or(Cow::Borrowed("refresh_token"), |t| owned(t)),
            token_param: r
                .token_param
                .as_ref()
                .map_or(Cow::Borrowed(default_param), |t| owned(t)),
            reuses_token: r.reuses_token,
            params: Cow::Owned(params(cx, &r.params, inp.names, "refresh parameter")),
        }
    });
    let client_credentials = g.client_credentials.as_ref().map(|c| {
        cx.fact(
            "grants.client_credentials",
            c.source.as_ref(),
            c.note.as_deref(),
        );
        ClientCredentialsDef {
            token_endpoint: ep(cx, "grant `client_credentials`", &c.token_endpoint, TOKEN),
            params_in: c.params_in.unwrap_or(ParamsIn::Body),
            reuses_token: c.reuses_token,
            grant_type: c
                .grant_type
                .as_ref()
                .map_or(Cow::Borrowed("client_credentials"), |t| owned(t)),
            params: Cow::Owned(params(
                cx,
                &c.params,
                inp.names,
                "client credentials parameter",
            )),
        }
    });
    let device_code = g.device_code.as_ref().map(|d| {
        cx.fact("grants.device_code", d.source.as_ref(), d.note.as_deref());
        DeviceCodeDef {
            device_endpoint: ep(cx, "grant `device_code`", &d.device_endpoint, DEVICE),
            token_endpoint: ep(cx, "grant `device_code`", &d.token_endpoint, TOKEN),
            grant_type: owned(d.grant_type.as_deref().unwrap_or(DEVICE_GRANT_TYPE)),
            poll_interval_secs: d.poll_interval.as_ref().map_or(DEFAULT_POLL_SECS, |p| {
                finite_duration(cx, "poll_interval", p)
            }),
            params: Cow::Owned(params(cx, &d.params, inp.names, "device parameter")),
        }
    });
    let custom: Vec<CustomGrantDef> = in_order(&g.custom)
        .into_iter()
        .map(|(name, c)| {
            let grant = format!("custom grant `{}`", name.value);
            let endpoint = named_endpoint(cx, &names, &grant, &c.endpoint);
            custom_grant(cx, inp, name, c, endpoint)
        })
        .collect();

    let none = authorization_code.is_none()
        && pin.is_none()
        && refresh_token.is_none()
        && client_credentials.is_none()
        && device_code.is_none()
        && custom.is_empty();
    if none {
        cx.error_help(
            Pos::default(),
            "the spec declares no grants",
            "add at least one under `grants:`: authorization_code, pin, refresh_token, \
             client_credentials, device_code or custom",
        );
    }
    GrantsDef {
        authorization_code,
        pin,
        refresh_token,
        client_credentials,
        device_code,
        custom: Cow::Owned(custom),
    }
}

/// A grant's endpoint setting: its key, and the endpoint used when the key is left out.
#[derive(Clone, Copy)]
struct Slot {
    key: &'static str,
    default: &'static str,
}

const AUTHORIZE: Slot = Slot {
    key: "authorize_endpoint",
    default: "authorize",
};
const TOKEN: Slot = Slot {
    key: "token_endpoint",
    default: "token",
};
const DEVICE: Slot = Slot {
    key: "device_endpoint",
    default: "device_authorization",
};

/// The endpoint a grant uses: the one it names, or the slot's default, which must then be
/// declared. A defaulted name has no position of its own, so that problem is reported
/// against the file.
fn endpoint(
    cx: &mut Ctx<'_>,
    names: &[&str],
    grant: &str,
    given: Option<&Sp<String>>,
    slot: Slot,
) -> Str {
    if let Some(name) = given {
        return named_endpoint(cx, names, grant, name);
    }
    if !names.contains(&slot.default) {
        let declared = if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        };
        cx.error_help(
            Pos::default(),
            format!("{grant} needs an endpoint named `{}`", slot.default),
            format!(
                "declare `endpoints.{}`, or set `{}` to one of the declared endpoints: \
                 {declared}",
                slot.default, slot.key
            ),
        );
    }
    Cow::Borrowed(slot.default)
}

/// An endpoint a grant names, which must be declared.
fn named_endpoint(cx: &mut Ctx<'_>, names: &[&str], grant: &str, name: &Sp<String>) -> Str {
    if !names.contains(&name.as_str()) {
        cx.error_help(
            name.pos,
            format!("unknown endpoint `{}` in {grant}", name.value),
            unknown_help(name, names, "declared endpoints"),
        );
    }
    owned(name)
}

/// Fixed or templated parameters; none may take a name the runtime sends itself.
fn params(cx: &mut Ctx<'_>, params: &Params, names: &Names<'_>, what: &str) -> Vec<ParamDef> {
    in_order(params)
        .into_iter()
        .filter_map(|(name, value)| {
            if reserved(cx, name, what) {
                return None;
            }
            let env_what = format!("{what} `{}`", name.value);
            let value = template(cx, value, names, Env::plain(&env_what))?;
            Some(ParamDef {
                name: owned(name),
                value,
            })
        })
        .collect()
}

/// Reports `name` when the runtime sends a parameter of that name itself.
/// Whether `name` is a standard parameter (reported), so the caller drops the declaration
/// and reports nothing else about it.
fn reserved(cx: &mut Ctx<'_>, name: &Sp<String>, what: &str) -> bool {
    let reserved = RESERVED.contains(&name.as_str());
    if reserved {
        cx.error_help(
            name.pos,
            format!(
                "{what} `{}` is one the runtime sends itself; declaring it would send it twice",
                name.value
            ),
            "leave it out (the runtime sends it), or rename the standard parameter with \
             `param_names`",
        );
    }
    reserved
}

fn extra_params(
    cx: &mut Ctx<'_>,
    params: &BTreeMap<Sp<String>, spec::ExtraParam>,
    fixed: &Params,
) -> Vec<ExtraParamDef> {
    in_order(params)
        .into_iter()
        .filter_map(|(name, p)| {
            if reserved(cx, name, "extra parameter") {
                return None;
            }
            if p.source.is_some() {
                cx.fact(
                    format!("grants.authorization_code.extra_params.{}", name.value),
                    p.source.as_ref(),
                    None,
                );
            }
            if let Some((fixed_name, _)) = fixed.iter().find(|(k, _)| k.value == name.value) {
                let first = cx.describe(fixed_name.pos);
                cx.error_help(
                    name.pos,
                    format!(
                        "`{}` is both a fixed parameter ({first}) and an extra parameter",
                        name.value
                    ),
                    "a fixed parameter is always sent; keep one of the two",
                );
            }
            let re = match (&p.format, p.values.is_empty()) {
                (None, true) => {
                    cx.error_help(
                        name.pos,
                        format!("extra parameter `{}` has no values", name.value),
                        "list the values the provider accepts under `values`, or give a \
                         `format` for a free value",
                    );
                    None
                }
                (Some(f), false) => {
                    cx.error_help(
                        f.pos,
                        format!(
                            "extra parameter `{}` has both `values` and `format`",
                            name.value
                        ),
                        "`values` makes an enum; `format` checks a free value",
                    );
                    None
                }
                (Some(f), true) => {
                    compile_format(cx, &format!("extra parameter `{}`", name.value), f)
                }
                (None, false) => None,
            };
            let values: Vec<&str> = p.values.iter().map(|v| v.as_str()).collect();
            for (what, given) in [("default", &p.default), ("send", &p.send)] {
                let Some(given) = given.as_ref() else {
                    continue;
                };
                let ok = match &re {
                    Some(re) => re.is_match(given),
                    None => values.contains(&given.as_str()),
                };
                if !ok && (re.is_some() || !values.is_empty()) {
                    cx.error_help(
                        given.pos,
                        format!(
                            "{what} `{}` is not a value of extra parameter `{}`",
                            given.value, name.value
                        ),
                        match &p.format {
                            Some(f) => format!("the value must match `{}`", f.value),
                            None => unknown_help(
                                given,
                                &values,
                                &format!("the values of `{}`", name.value),
                            ),
                        },
                    );
                }
            }
            Some(ExtraParamDef {
                name: owned(name),
                description: owned(&p.description),
                values: Cow::Owned(values.into_iter().map(owned).collect()),
                format: p.format.as_ref().map(|f| owned(f)),
                default: p.default.as_ref().map(|d| owned(d)),
                send: p.send.as_ref().map(|d| owned(d)),
            })
        })
        .collect()
}

/// An HMAC over the redirect: keyed with the client secret, SHA-256.
fn hmac(cx: &mut Ctx<'_>, h: &spec::HmacSpec) -> HmacDef {
    cx.fact(
        "grants.authorization_code.callback.hmac",
        h.source.as_ref(),
        None,
    );
    if h.key.as_str() != "client_secret" {
        cx.error_help(
            h.key.pos,
            format!("unsupported HMAC key `{}`", h.key.value),
            "the key is `client_secret`",
        );
    }
    if !h.algorithm.eq_ignore_ascii_case("sha256") {
        cx.error_help(
            h.algorithm.pos,
            format!("unsupported HMAC algorithm `{}`", h.algorithm.value),
            "the algorithm is `sha256`",
        );
    }
    HmacDef {
        param: owned(&h.param),
        exclude: Cow::Owned(h.exclude.iter().map(|e| owned(e)).collect()),
        encoding: h.encoding.unwrap_or(HmacEncoding::Hex),
    }
}

/// Redirect parameters select a *choice* variable, by key or by one of its properties.
fn callback_params(
    cx: &mut Ctx<'_>,
    params: &BTreeMap<Sp<String>, spec::CallbackParam>,
    variables: &[oauth_model::VariableDef],
) -> Vec<CallbackParamDef> {
    let var_names: Vec<&str> = variables.iter().map(|v| v.name.as_ref()).collect();
    let mut out = Vec::new();
    for (name, p) in in_order(params) {
        let sel = &p.selects;
        let Some(index) = var_names.iter().position(|v| *v == sel.as_str()) else {
            cx.error_help(
                sel.pos,
                format!(
                    "callback parameter `{}` selects unknown variable `{}`",
                    name.value, sel.value
                ),
                unknown_help(sel, &var_names, "declared variables"),
            );
            continue;
        };
        let properties: Vec<&str> = match variables.get(index).map(|v| &v.kind) {
            Some(VariableKind::Choice { properties, .. }) => {
                properties.iter().map(|p| p.as_ref()).collect()
            }
            _ => {
                cx.error_help(
                    sel.pos,
                    format!(
                        "callback parameter `{}` selects `{}`, a free variable",
                        name.value, sel.value
                    ),
                    "only a choice variable (one with `values`) can be selected",
                );
                continue;
            }
        };
        let by_property = match &p.by_property {
            None => None,
            Some(prop) => {
                let found = properties.iter().position(|p| *p == prop.as_str());
                if found.is_none() {
                    cx.error_help(
                        prop.pos,
                        format!("variable `{}` has no property `{}`", sel.value, prop.value),
                        unknown_help(
                            prop,
                            &properties,
                            &format!("the properties of `{}`", sel.value),
                        ),
                    );
                }
                found
            }
        };
        out.push(CallbackParamDef {
            name: owned(name),
            variable: index,
            by_property,
        });
    }
    out
}

fn custom_grant(
    cx: &mut Ctx<'_>,
    inp: &Inputs<'_>,
    name: &Sp<String>,
    c: &CustomGrant,
    endpoint: Str,
) -> CustomGrantDef {
    check_snake_case(cx, "custom grant", name);
    cx.fact(
        format!("grants.custom.{}", name.value),
        c.source.as_ref(),
        c.note.as_deref(),
    );
    let mut inputs: BTreeMap<&str, Pos> = BTreeMap::new();
    let mut params = Vec::with_capacity(c.params.len());
    for (wire, param) in in_order(&c.params) {
        let source = match param {
            CustomParam::Value(v) => ParamSource::Value(owned(v)),
            CustomParam::Input {
                name: input,
                secret,
                ..
            } => {
                check_snake_case(cx, "input", input);
                if let Some(first) = inputs.get(input.as_str()) {
                    let first = cx.describe(*first);
                    cx.error_help(
                        input.pos,
                        format!(
                            "duplicate input `{}` in custom grant `{}`; first declared {first}",
                            input.value, name.value
                        ),
                        "each input becomes a method argument and needs its own name",
                    );
                } else {
                    inputs.insert(input.as_str(), input.pos);
                }
                ParamSource::Input {
                    name: owned(input),
                    secret: *secret,
                }
            }
        };
        params.push(CustomParamDef {
            wire: owned(wire),
            source,
        });
    }
    CustomGrantDef {
        name: owned(name),
        description: owned(&c.description),
        endpoint,
        params_in: c.params_in,
        params: Cow::Owned(params),
        response: match &c.response {
            Some(r) => response(
                cx,
                Some(r),
                inp.scope_separator,
                &format!("grants.custom.{}.response", name.value),
            ),
            None => inp.response.clone(),
        },
        presentation: match &c.token_presentation {
            Some(p) => presentation(
                cx,
                Some(p),
                &format!("grants.custom.{}.token_presentation", name.value),
            ),
            None => inp.presentation.clone(),
        },
        deprecated: c.deprecated.as_ref().map(|d| deprecation(cx, d)),
    }
}
