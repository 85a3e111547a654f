//! Templates (`{data_center.accounts}/oauth/v2/token`, `{connection.instance_url}`,
//! `{client_id}`, `{token}`) parsed into [`Template`] parts, and `endpoints:`, whose URLs are
//! checked by rendering them with sample values.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{
    ConnectionDef, EndpointDef, Method, ProviderDef, Template, TemplatePart, VariableDef,
    VariableKind,
};

use super::{in_order, owned, unknown_help, Ctx};
use crate::spec::{Endpoint, Sp};

/// What templates can refer to.
pub(super) struct Names<'a> {
    /// The variables.
    pub variables: &'a [VariableDef],
    /// The connection values.
    pub connection: &'a [ConnectionDef],
}

/// Where a template is written, and so what it may refer to.
#[derive(Clone, Copy)]
pub(super) struct Env<'a> {
    /// What is being parsed, for messages (`URL template`, `header \`Notion-Version\``).
    pub what: &'a str,
    /// `{connection.name}` is allowed.
    pub connection: bool,
    /// `{token}` is allowed.
    pub token: bool,
}

impl Env<'_> {
    /// A template over variables and `{client_id}` only (request parameters, JWT claims).
    pub(super) const fn plain(what: &str) -> Env<'_> {
        Env {
            what,
            connection: false,
            token: false,
        }
    }
}

/// A piece of text with `{placeholders}`.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// Literal text.
    Lit(&'a str),
    /// What was written between the braces.
    Hole(&'a str),
}

/// Splits `text` into literal text and `{...}` placeholders.
pub(super) fn split_placeholders(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => {
                pieces.push(Piece::Lit(rest));
                break;
            }
            (_, Some(c)) if open.is_none_or(|o| c < o) => {
                return Err("unbalanced `}`".to_string());
            }
            (Some(o), _) => {
                if o > 0 {
                    pieces.push(Piece::Lit(&rest[..o]));
                }
                let after = &rest[o + 1..];
                let end = after.find('}').ok_or("unbalanced `{`")?;
                let hole = &after[..end];
                if hole.contains('{') {
                    return Err("unbalanced `{`".to_string());
                }
                if hole.trim().is_empty() {
                    return Err("empty placeholder `{}`".to_string());
                }
                pieces.push(Piece::Hole(hole));
                rest = &after[end + 1..];
            }
            (None, Some(_)) => return Err("unbalanced `}`".to_string()),
        }
    }
    Ok(pieces)
}

/// Every endpoint, in the order written; `authorize` and `api` default to GET, others to POST.
pub(super) fn endpoints(
    cx: &mut Ctx<'_>,
    endpoints: &BTreeMap<Sp<String>, Endpoint>,
    names: &Names<'_>,
) -> Vec<EndpointDef> {
    in_order(endpoints)
        .into_iter()
        .map(|(name, e)| {
            let env = Env {
                what: "URL template",
                connection: true,
                token: true,
            };
            let url = template(cx, &e.url, names, env);
            if let Some(url) = &url {
                check_urls(cx, &e.url, url, names);
            }
            cx.fact(
                format!("endpoints.{}", name.value),
                e.source.as_ref(),
                e.note.as_deref(),
            );
            let default_method = match name.as_str() {
                "authorize" | "api" => Method::Get,
                _ => Method::Post,
            };
            let methods: Vec<Method> = e.method.as_ref().map_or(Vec::new(), |m| m.0.clone());
            if e.method.is_some() && methods.is_empty() {
                if let Some(m) = &e.method {
                    cx.error(m.pos, format!("endpoint `{}` lists no method", name.value));
                }
            }
            EndpointDef {
                name: owned(name),
                url: url.unwrap_or_else(|| Template {
                    source: owned(&e.url),
                    parts: Cow::Owned(Vec::new()),
                }),
                method: methods.first().copied().unwrap_or(default_method),
                other_methods: Cow::Owned(methods.into_iter().skip(1).collect()),
            }
        })
        .collect()
}

/// Parses a template against `names`; `None` after reporting a problem.
pub(super) fn template(
    cx: &mut Ctx<'_>,
    text: &Sp<String>,
    names: &Names<'_>,
    env: Env<'_>,
) -> Option<Template> {
    let what = env.what;
    let pieces = match split_placeholders(text) {
        Ok(p) => p,
        Err(e) => {
            cx.error_help(
                text.pos,
                format!("{e} in {what} `{}`", text.value),
                "placeholders are written `{variable}`, `{variable.property}`, \
                 `{connection.name}` or `{client_id}`",
            );
            return None;
        }
    };
    let mut parts = Vec::with_capacity(pieces.len());
    let mut ok = true;
    for piece in pieces {
        match piece {
            Piece::Lit(s) => parts.push(TemplatePart::Lit(owned(s))),
            Piece::Hole(hole) => match placeholder(cx, text, hole, names, env) {
                Some(part) => parts.push(part),
                None => ok = false,
            },
        }
    }
    ok.then(|| Template {
        source: owned(text),
        parts: Cow::Owned(parts),
    })
}

/// Resolves one placeholder.
fn placeholder(
    cx: &mut Ctx<'_>,
    text: &Sp<String>,
    hole: &str,
    names: &Names<'_>,
    env: Env<'_>,
) -> Option<TemplatePart> {
    let what = env.what;
    match hole {
        "client_id" => return Some(TemplatePart::ClientId),
        "token" if env.token => return Some(TemplatePart::Token),
        "token" => {
            cx.error_help(
                text.pos,
                format!("`{{token}}` cannot appear in a {what}"),
                "`{token}` puts the token being revoked into the revocation endpoint's URL",
            );
            return None;
        }
        _ => {}
    }
    if let Some(conn) = hole.strip_prefix("connection.") {
        let conn_names: Vec<&str> = names.connection.iter().map(|c| c.name.as_ref()).collect();
        if !env.connection {
            cx.error_help(
                text.pos,
                format!("`{{connection.{conn}}}` cannot appear in a {what}"),
                "connection values are learned after authorization; they can be used in API \
                 endpoints and API headers",
            );
            return None;
        }
        return match conn_names.iter().position(|n| *n == conn) {
            Some(i) => Some(TemplatePart::Connection(i)),
            None => {
                cx.error_help(
                    text.pos,
                    format!("unknown connection value `{conn}` in {what}"),
                    unknown_help(conn, &conn_names, "declared connection values"),
                );
                None
            }
        };
    }
    let variables = names.variables;
    let var_names: Vec<&str> = variables.iter().map(|v| v.name.as_ref()).collect();
    let (name, property) = match hole.split_once('.') {
        Some((n, p)) => (n, Some(p)),
        None => (hole, None),
    };
    let Some(var) = var_names.iter().position(|n| *n == name) else {
        cx.error_help(
            text.pos,
            format!("unknown variable `{name}` in {what}"),
            unknown_help(name, &var_names, "declared variables"),
        );
        return None;
    };
    let Some(property) = property else {
        return Some(TemplatePart::Var {
            var,
            property: None,
        });
    };
    match &variables.get(var)?.kind {
        VariableKind::Free { .. } => {
            cx.error_help(
                text.pos,
                format!("variable `{name}` is a free value and has no property `{property}`"),
                format!("write `{{{name}}}` for its value"),
            );
            None
        }
        VariableKind::Choice { properties, .. } => {
            let props: Vec<&str> = properties.iter().map(|p| p.as_ref()).collect();
            match props.iter().position(|p| *p == property) {
                Some(i) => Some(TemplatePart::Var {
                    var,
                    property: Some(i),
                }),
                None => {
                    let listing = if props.is_empty() {
                        format!("`{name}` has no properties; write `{{{name}}}` for its key")
                    } else {
                        format!("the properties of `{name}` are: {}", props.join(", "))
                    };
                    cx.error_help(
                        text.pos,
                        format!("variable `{name}` has no property `{property}`"),
                        listing,
                    );
                    None
                }
            }
        }
    }
}

/// After grants are resolved: an endpoint a grant or the authorization uses cannot depend on
/// connection values (they are learned later), `{token}` belongs to the revocation endpoint
/// alone, and a connection value that starts a URL must be constrained to https by its
/// format (a host taken from a response must be one the spec allows).
pub(super) fn check_connection_use(
    cx: &mut Ctx<'_>,
    spec: &BTreeMap<Sp<String>, Endpoint>,
    def: &ProviderDef,
) {
    let g = &def.grants;
    let mut before_tokens: Vec<&str> = Vec::new();
    if let Some(a) = &g.authorization_code {
        before_tokens.push(&a.authorize_endpoint);
        before_tokens.push(&a.token_endpoint);
    }
    if let Some(p) = &g.pin {
        before_tokens.push(&p.authorize_endpoint);
        before_tokens.push(&p.token_endpoint);
    }
    if let Some(c) = &g.client_credentials {
        before_tokens.push(&c.token_endpoint);
    }
    if let Some(d) = &g.device_code {
        before_tokens.push(&d.device_endpoint);
        before_tokens.push(&d.token_endpoint);
    }
    for c in g.custom.iter() {
        before_tokens.push(&c.endpoint);
    }
    for (name, e) in spec {
        let Some(endpoint) = def.endpoint(name) else {
            continue;
        };
        if endpoint.url.uses_connection() && before_tokens.contains(&name.as_str()) {
            cx.error_help(
                e.url.pos,
                format!(
                    "endpoint `{}` is used to obtain tokens but depends on a connection value",
                    name.value
                ),
                "connection values are learned after authorization; use a variable instead",
            );
        }
        let has_token = endpoint
            .url
            .parts
            .iter()
            .any(|p| matches!(p, TemplatePart::Token));
        if has_token && name.as_str() != "revoke" {
            cx.error_help(
                e.url.pos,
                format!("`{{token}}` in endpoint `{}`", name.value),
                "`{token}` belongs in the `revoke` endpoint's URL",
            );
        }
        if let Some(TemplatePart::Connection(i)) = endpoint.url.parts.first() {
            if let Some(c) = def.connection.get(*i) {
                if !c.format.starts_with("https://") {
                    cx.error_help(
                        e.url.pos,
                        format!(
                            "endpoint `{}` takes its host from connection value `{}`, whose \
                             format does not start with `https://`",
                            name.value, c.name
                        ),
                        "a host learned from a response must match a pattern the spec \
                         declares: start the format with `https://` and name the allowed hosts",
                    );
                }
            }
        }
    }
}

/// Renders the template with sample values (every choice of each choice variable it uses,
/// the example or default of free ones, stand-ins for connection values, the client id and
/// the token) and checks each result is an https URL. Reports the first bad rendering only.
/// A template whose host comes from a connection value is checked at run time instead.
pub(super) fn check_urls(cx: &mut Ctx<'_>, url: &Sp<String>, t: &Template, names: &Names<'_>) {
    if matches!(t.parts.first(), Some(TemplatePart::Connection(_))) {
        return;
    }
    let variables = names.variables;
    let base: Vec<usize> = vec![0; variables.len()];
    let mut samples = vec![base.clone()];
    let mut varied = Vec::new();
    for part in t.parts.iter() {
        if let TemplatePart::Var { var, .. } = part {
            if varied.contains(var) {
                continue;
            }
            varied.push(*var);
            if let Some(VariableKind::Choice { choices, .. }) = variables.get(*var).map(|v| &v.kind)
            {
                for i in 1..choices.len() {
                    let mut sample = base.clone();
                    if let Some(slot) = sample.get_mut(*var) {
                        *slot = i;
                    }
                    samples.push(sample);
                }
            }
        }
    }
    for sample in samples {
        let rendered = render(t, variables, &sample);
        if let Err((message, help)) = check_url(&rendered) {
            // Name the choices this rendering used: the culprit may be a variable's value.
            let used: Vec<String> = varied
                .iter()
                .filter_map(|v| {
                    let var = variables.get(*v)?;
                    let VariableKind::Choice { choices, .. } = &var.kind else {
                        return None;
                    };
                    let key = &choices.get(sample.get(*v).copied().unwrap_or(0))?.key;
                    Some(format!("`{}` = `{key}`", var.name))
                })
                .collect();
            let help = if used.is_empty() {
                help
            } else {
                format!("{help} (this URL is for {})", used.join(", "))
            };
            cx.error_help(url.pos, message, help);
            return;
        }
    }
}

/// The template with variable `i` set to its `choice[i]`-th value (free variables: example,
/// else default, else a stand-in; stand-ins for everything else).
pub(super) fn render(t: &Template, variables: &[VariableDef], choice: &[usize]) -> String {
    let mut out = String::new();
    for part in t.parts.iter() {
        match part {
            TemplatePart::Lit(s) => out.push_str(s),
            TemplatePart::Var { var, property } => {
                let which = choice.get(*var).copied().unwrap_or(0);
                match variables.get(*var).map(|v| &v.kind) {
                    Some(VariableKind::Choice { choices, .. }) => {
                        if let Some(c) = choices.get(which) {
                            match property {
                                None => out.push_str(&c.key),
                                Some(p) => out.push_str(c.values.get(*p).map_or("", |v| v)),
                            }
                        }
                    }
                    Some(VariableKind::Free {
                        example, default, ..
                    }) => out.push_str(example.as_deref().or(default.as_deref()).unwrap_or("x")),
                    None => {}
                }
            }
            TemplatePart::Connection(_) => out.push_str("connection-value"),
            TemplatePart::ClientId => out.push_str("client-id"),
            TemplatePart::Token => out.push_str("token"),
        }
    }
    out
}

/// An absolute https URL; http only on the loopback interface (local test servers).
fn check_url(rendered: &str) -> Result<(), (String, String)> {
    let parsed = url::Url::parse(rendered).map_err(|e| {
        (
            format!("invalid URL `{rendered}`: {e}"),
            "an endpoint URL is absolute, such as `https://example.com/oauth/token`".to_string(),
        )
    })?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => d == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        scheme => Err((
            format!("endpoint URL `{rendered}` uses `{scheme}`, not https"),
            "plain http is allowed only for localhost, 127.0.0.1 and [::1]".to_string(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_split_from_literal_text() {
        assert_eq!(
            split_placeholders("{dc.accounts}/oauth/{v}"),
            Ok(vec![
                Piece::Hole("dc.accounts"),
                Piece::Lit("/oauth/"),
                Piece::Hole("v")
            ])
        );
        assert_eq!(split_placeholders("plain"), Ok(vec![Piece::Lit("plain")]));
        assert_eq!(split_placeholders(""), Ok(vec![]));
    }

    #[test]
    fn unbalanced_braces_are_rejected() {
        assert_eq!(split_placeholders("a{b"), Err("unbalanced `{`".into()));
        assert_eq!(split_placeholders("a}b"), Err("unbalanced `}`".into()));
        assert_eq!(split_placeholders("{a{b}}"), Err("unbalanced `{`".into()));
        assert_eq!(split_placeholders("{a}}"), Err("unbalanced `}`".into()));
        assert_eq!(
            split_placeholders("x{}"),
            Err("empty placeholder `{}`".into())
        );
    }

    #[test]
    fn only_https_or_loopback_http_is_accepted() {
        assert!(check_url("https://example.com/token").is_ok());
        assert!(check_url("http://localhost:8080/token").is_ok());
        assert!(check_url("http://127.0.0.1/token").is_ok());
        assert!(check_url("http://[::1]:9/token").is_ok());
        assert!(check_url("http://example.com/token").is_err());
        assert!(check_url("ftp://example.com/token").is_err());
        assert!(check_url("/oauth/token").is_err());
    }
}
