//! `endpoints:`: URL templates over the variables (`{data_center.accounts}/oauth/v2/token`),
//! parsed into [`Template`] parts and checked by rendering them with sample values.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{EndpointDef, Method, Template, TemplatePart, VariableDef, VariableKind};

use super::{in_order, owned, unknown_help, Ctx};
use crate::spec::{Endpoint, Sp};

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
    variables: &[VariableDef],
) -> Vec<EndpointDef> {
    in_order(endpoints)
        .into_iter()
        .map(|(name, e)| {
            let url = template(cx, &e.url, variables);
            if let Some(url) = &url {
                check_urls(cx, &e.url, url, variables);
            }
            let default_method = match name.as_str() {
                "authorize" | "api" => Method::Get,
                _ => Method::Post,
            };
            EndpointDef {
                name: owned(name),
                url: url.unwrap_or_else(|| Template {
                    source: owned(&e.url),
                    parts: Cow::Owned(Vec::new()),
                }),
                method: e.method.as_ref().map_or(default_method, |m| m.value),
            }
        })
        .collect()
}

/// Parses a URL template against the variables; `None` after reporting a problem.
fn template(cx: &mut Ctx<'_>, url: &Sp<String>, variables: &[VariableDef]) -> Option<Template> {
    let pieces = match split_placeholders(url) {
        Ok(p) => p,
        Err(e) => {
            cx.error_help(
                url.pos,
                format!("{e} in URL template `{}`", url.value),
                "placeholders are written `{variable}` or `{variable.property}`",
            );
            return None;
        }
    };
    let names: Vec<&str> = variables.iter().map(|v| v.name.as_ref()).collect();
    let mut parts = Vec::with_capacity(pieces.len());
    let mut ok = true;
    for piece in pieces {
        match piece {
            Piece::Lit(s) => parts.push(TemplatePart::Lit(owned(s))),
            Piece::Hole(hole) => match placeholder(cx, url, hole, variables, &names) {
                Some((var, property)) => parts.push(TemplatePart::Var { var, property }),
                None => ok = false,
            },
        }
    }
    ok.then(|| Template {
        source: owned(url),
        parts: Cow::Owned(parts),
    })
}

/// Resolves `{name}` or `{name.property}` to (variable index, property index).
fn placeholder(
    cx: &mut Ctx<'_>,
    url: &Sp<String>,
    hole: &str,
    variables: &[VariableDef],
    names: &[&str],
) -> Option<(usize, Option<usize>)> {
    let (name, property) = match hole.split_once('.') {
        Some((n, p)) => (n, Some(p)),
        None => (hole, None),
    };
    let Some(var) = names.iter().position(|n| *n == name) else {
        cx.error_help(
            url.pos,
            format!("unknown variable `{name}` in URL template"),
            unknown_help(name, names, "declared variables"),
        );
        return None;
    };
    let Some(property) = property else {
        return Some((var, None));
    };
    match &variables.get(var)?.kind {
        VariableKind::Free { .. } => {
            cx.error_help(
                url.pos,
                format!("variable `{name}` is a free value and has no property `{property}`"),
                format!("write `{{{name}}}` for its value"),
            );
            None
        }
        VariableKind::Choice { properties, .. } => {
            let props: Vec<&str> = properties.iter().map(|p| p.as_ref()).collect();
            match props.iter().position(|p| *p == property) {
                Some(i) => Some((var, Some(i))),
                None => {
                    let listing = if props.is_empty() {
                        format!("`{name}` has no properties; write `{{{name}}}` for its key")
                    } else {
                        format!("the properties of `{name}` are: {}", props.join(", "))
                    };
                    cx.error_help(
                        url.pos,
                        format!("variable `{name}` has no property `{property}`"),
                        listing,
                    );
                    None
                }
            }
        }
    }
}

/// Renders the template with sample values (every choice of each choice variable it uses,
/// the example or default of free ones) and checks each result is an https URL. Reports the
/// first bad rendering only.
fn check_urls(cx: &mut Ctx<'_>, url: &Sp<String>, t: &Template, variables: &[VariableDef]) {
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
/// else default, else a stand-in).
fn render(t: &Template, variables: &[VariableDef], choice: &[usize]) -> String {
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
