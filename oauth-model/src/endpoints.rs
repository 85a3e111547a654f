//! Endpoints and the URL (and header) templates they are written in.

use std::collections::BTreeMap;

use crate::{List, Method, ProviderDef, Str, VarValue, VariableKind};

/// A named endpoint.
#[derive(Debug, Clone)]
pub struct EndpointDef {
    /// `authorize`, `token`, `revoke`, `device_authorization`, `api` or a custom name.
    pub name: Str,
    /// URL template.
    pub url: Template,
    /// HTTP method the runtime uses.
    pub method: Method,
    /// Further methods the provider accepts (the simulator serves them too).
    pub other_methods: List<Method>,
}

impl EndpointDef {
    /// Whether the provider accepts `method` here.
    pub fn accepts(&self, method: Method) -> bool {
        self.method == method || self.other_methods.contains(&method)
    }
}

/// A parsed template: a URL or a header value.
#[derive(Debug, Clone)]
pub struct Template {
    /// The template as written.
    pub source: Str,
    /// Literal text and references, in order.
    pub parts: List<TemplatePart>,
}

/// One piece of a template.
#[derive(Debug, Clone)]
pub enum TemplatePart {
    /// Literal text.
    Lit(Str),
    /// `{variable}` (a choice renders its key) or `{variable.property}`.
    Var {
        /// Index into [`ProviderDef::variables`].
        var: usize,
        /// Index into the choice's properties.
        property: Option<usize>,
    },
    /// `{connection.name}`: index into [`ProviderDef::connection`].
    Connection(usize),
    /// `{client_id}`.
    ClientId,
    /// `{token}`: the token being revoked, as one path segment.
    Token,
}

/// What a template is rendered with.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderContext<'a> {
    /// One value per provider variable (aligned with [`ProviderDef::variables`]).
    pub vars: &'a [VarValue],
    /// The connection values of the token set, by name.
    pub connection: Option<&'a BTreeMap<String, String>>,
    /// The client id.
    pub client_id: Option<&'a str>,
    /// The token being revoked (already encoded for its place).
    pub token: Option<&'a str>,
}

/// Why a template could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The template needs connection value `0`, which the token set does not have.
    MissingConnection(String),
    /// The template needs something the context lacks, or the definition is inconsistent.
    Other(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::MissingConnection(name) => {
                write!(f, "the token set has no connection value `{name}`")
            }
            RenderError::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for RenderError {}

impl Template {
    /// Renders the template with one value per provider variable (aligned with
    /// [`ProviderDef::variables`]) and nothing else.
    pub fn render(&self, def: &ProviderDef, values: &[VarValue]) -> Result<String, RenderError> {
        self.render_with(
            def,
            &RenderContext {
                vars: values,
                ..RenderContext::default()
            },
        )
    }

    /// Renders the template in `cx`.
    pub fn render_with(
        &self,
        def: &ProviderDef,
        cx: &RenderContext<'_>,
    ) -> Result<String, RenderError> {
        let other = |s: String| RenderError::Other(s);
        let mut out = String::with_capacity(self.source.len() + 16);
        for part in self.parts.iter() {
            match part {
                TemplatePart::Lit(s) => out.push_str(s),
                TemplatePart::Var { var, property } => {
                    let (vdef, value) = def
                        .variables
                        .get(*var)
                        .zip(cx.vars.get(*var))
                        .ok_or_else(|| other(format!("no value for variable #{var}")))?;
                    match (&vdef.kind, value, property) {
                        (VariableKind::Choice { choices, .. }, VarValue::Choice(i), prop) => {
                            let choice = choices.get(*i).ok_or_else(|| {
                                other(format!("no choice #{i} for `{}`", vdef.name))
                            })?;
                            match prop {
                                None => out.push_str(&choice.key),
                                Some(p) => {
                                    out.push_str(choice.values.get(*p).ok_or_else(|| {
                                        other(format!("no property #{p} on `{}`", vdef.name))
                                    })?)
                                }
                            }
                        }
                        (VariableKind::Free { .. }, VarValue::Free(s), None) => out.push_str(s),
                        _ => {
                            return Err(other(format!(
                                "value of the wrong kind for variable `{}`",
                                vdef.name
                            )))
                        }
                    }
                }
                TemplatePart::Connection(i) => {
                    let name = def
                        .connection
                        .get(*i)
                        .map(|c| c.name.as_ref())
                        .ok_or_else(|| other(format!("no connection value #{i}")))?;
                    let value = cx
                        .connection
                        .and_then(|c| c.get(name))
                        .ok_or_else(|| RenderError::MissingConnection(name.to_string()))?;
                    out.push_str(value);
                }
                TemplatePart::ClientId => out.push_str(
                    cx.client_id
                        .ok_or_else(|| other("no client id to render".into()))?,
                ),
                TemplatePart::Token => {
                    out.push_str(cx.token.ok_or_else(|| other("no token to render".into()))?)
                }
            }
        }
        Ok(out)
    }

    /// Whether the template refers to a connection value.
    pub fn uses_connection(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, TemplatePart::Connection(_)))
    }
}
