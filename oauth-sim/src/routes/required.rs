//! What a request must carry besides its credentials: the headers the def declares
//! (`token_request.headers` on token requests, `api.headers` on API calls) and, in strict
//! mode, the fixed parameters it declares (authorize `params`, `token_params`, refresh,
//! client-credentials and device `params`).
//!
//! Values are the def's templates rendered the way a client renders them: the variables'
//! default values, the client id, and (API calls) the token's connection values. Headers are
//! always required, since a provider that documents one refuses requests without it (Notion's
//! `Notion-Version`, Xero's `xero-tenant-id`). Fixed parameters are required only in strict
//! mode: the model cannot say which of them the provider itself insists on.

use oauth_model::{HeaderDef, ParamDef, RenderContext, TemplatePart};

use super::request::Req;
use super::App;
use crate::state::Connection;

/// Why a declared header or parameter is not right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Wrong {
    /// It was not sent.
    Missing(String),
    /// It was sent with another value.
    Different(String),
    /// Its value is the token's connection value, and the one sent is not it (or the token
    /// has none).
    NotTheTokens(String),
}

impl Wrong {
    /// The provider's kind of words for it.
    pub fn describe(&self) -> String {
        match self {
            Wrong::Missing(name) => format!("missing required parameters: {name}"),
            Wrong::Different(name) => format!("invalid value for {name}"),
            Wrong::NotTheTokens(name) => {
                format!("{name} does not name a connection of this token")
            }
        }
    }
}

/// Checks each declared header.
pub(super) fn headers(
    app: &App,
    req: &Req<'_>,
    headers: &[HeaderDef],
    client_id: Option<&str>,
    connection: Option<&Connection>,
) -> Result<(), Wrong> {
    let vars = app.vars();
    let cx = RenderContext {
        vars: &vars,
        connection,
        client_id,
        token: None,
    };
    for h in headers {
        let uses_connection = h
            .value
            .parts
            .iter()
            .any(|p| matches!(p, TemplatePart::Connection(_)));
        let Some(sent) = req.header(&h.name) else {
            return Err(Wrong::Missing(h.name.to_string()));
        };
        match h.value.render_with(&app.def, &cx) {
            Ok(want) if want == sent => {}
            _ if uses_connection => return Err(Wrong::NotTheTokens(h.name.to_string())),
            _ => return Err(Wrong::Different(h.name.to_string())),
        }
    }
    Ok(())
}

/// In strict mode, checks that each declared fixed parameter was sent with its value.
pub(super) fn params(
    app: &App,
    strict: bool,
    req: &Req<'_>,
    params: &[ParamDef],
    client_id: Option<&str>,
) -> Result<(), Wrong> {
    if !strict {
        return Ok(());
    }
    let vars = app.vars();
    let cx = RenderContext {
        vars: &vars,
        client_id,
        ..RenderContext::default()
    };
    for p in params {
        let Some(sent) = req.param(&p.name) else {
            return Err(Wrong::Missing(p.name.to_string()));
        };
        if p.value.render_with(&app.def, &cx).ok().as_deref() != Some(sent) {
            return Err(Wrong::Different(p.name.to_string()));
        }
    }
    Ok(())
}
