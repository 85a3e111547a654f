//! Connection values: what a provider tells the client after authorization and later
//! requests need (`connection:` in the spec). Read from the redirect (QuickBooks'
//! `realmId`), from a token-response field (Salesforce's `instance_url`, re-read on every
//! refresh response that carries it) or from a follow-up call made with the new access token
//! (Xero's `GET /connections`, selected with a dotted path where `*` is any array element).
//!
//! Every value is checked against its whole-match format before it is kept: a host taken
//! from a response is then one the spec allows. A refused value is never repeated in the
//! error. A required value that does not arrive is [`Error::MissingConnectionValue`].

use std::collections::BTreeMap;

use oauth_model::{ConnectionFrom, ErrorSite};
use serde_json::Value;

use crate::classify::{classify, values_at, Grant, Seen};
use crate::error::Error;
use crate::response::{fetch, parse_body};
use crate::token::TokenSet;

use super::client::Client;
use super::redirect::Redirect;

/// Where a set's values are being gathered: after an authorization (every source counts,
/// required values must arrive), or on a refresh (only token-response values are re-read,
/// the others are carried over).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gathering {
    /// A new authorization (code, PIN, device, client credentials).
    Authorization,
    /// A renewal of an existing set.
    Renewal,
}

impl Client {
    /// The connection value `index` checked against its format.
    fn checked(&self, index: usize, value: &str) -> Result<String, Error> {
        let def = self.def();
        let (c, re) = def
            .connection
            .get(index)
            .zip(self.inner.connection_formats.get(index))
            .ok_or_else(|| Error::Config(format!("no connection value #{index}")))?;
        if re.is_match(value) {
            Ok(value.to_string())
        } else {
            Err(Error::InvalidConnectionValue {
                name: c.name.to_string(),
            })
        }
    }

    /// The `from: callback` values of a redirect, checked.
    pub(crate) fn callback_connection(
        &self,
        redirect: &Redirect,
    ) -> Result<BTreeMap<String, String>, Error> {
        let mut out = BTreeMap::new();
        for (i, c) in self.def().connection.iter().enumerate() {
            if let ConnectionFrom::Callback { param } = &c.from {
                if let Some(v) = redirect.get(param) {
                    out.insert(c.name.to_string(), self.checked(i, v)?);
                }
            }
        }
        Ok(out)
    }

    /// The `from: token_response` values of a token response `body`, checked, put on
    /// `tokens` (replacing what it carried over).
    pub(crate) fn token_response_connection(
        &self,
        body: &Value,
        tokens: &mut TokenSet,
    ) -> Result<(), Error> {
        for (i, c) in self.def().connection.iter().enumerate() {
            if let ConnectionFrom::TokenResponse { field } = &c.from {
                let found = values_at(body, field).into_iter().find_map(text);
                if let Some(v) = found {
                    tokens
                        .connection
                        .insert(c.name.to_string(), self.checked(i, &v)?);
                }
            }
        }
        Ok(())
    }

    /// Completes the connection values of a freshly obtained set: the callback's, then each
    /// follow-up call's, then checks that every required one is there (after an
    /// authorization; a renewal keeps what the set had).
    pub(crate) async fn complete_connection(
        &self,
        tokens: &mut TokenSet,
        callback: Option<&BTreeMap<String, String>>,
        gathering: Gathering,
    ) -> Result<(), Error> {
        if gathering == Gathering::Renewal {
            return Ok(());
        }
        if let Some(cb) = callback {
            for (k, v) in cb {
                tokens.connection.insert(k.clone(), v.clone());
            }
        }
        for (i, c) in self.def().connection.iter().enumerate() {
            if let ConnectionFrom::Request { endpoint, select } = &c.from {
                if let Some(v) = self.requested_value(endpoint, select, tokens).await? {
                    tokens
                        .connection
                        .insert(c.name.to_string(), self.checked(i, &v)?);
                }
            }
        }
        for c in self.def().connection.iter() {
            let applies = match c.from {
                // Only an authorization redirect carries these.
                ConnectionFrom::Callback { .. } => callback.is_some(),
                _ => true,
            };
            if applies && c.required && !tokens.connection.contains_key(c.name.as_ref()) {
                return Err(Error::MissingConnectionValue {
                    name: c.name.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Calls `endpoint` with the new access token and selects `select` in its JSON answer:
    /// the first value found. The endpoint is one the spec declares for this, so the token
    /// may go there. API headers that need a value not known yet (the one being fetched) are
    /// left off this call.
    async fn requested_value(
        &self,
        endpoint: &str,
        select: &str,
        tokens: &TokenSet,
    ) -> Result<Option<String>, Error> {
        let site = ErrorSite::Api;
        let url = self.endpoint_url_in(endpoint, Some(&tokens.connection), None)?;
        let method = self
            .def()
            .endpoint(endpoint)
            .map_or(oauth_model::Method::Get, |e| e.method);
        let request = self
            .http()
            .request(crate::request::reqwest_method(method), url)
            .header(reqwest::header::ACCEPT, "application/json")
            .header(reqwest::header::USER_AGENT, self.inner.user_agent.clone())
            .timeout(self.inner.timeout);
        let request = self.present(self.api_headers(request, tokens, true)?, tokens)?;
        tracing::debug!(endpoint, "requesting connection values");
        let raw = fetch(request, site, self.inner.timeout).await?;
        let body = parse_body(oauth_model::ResponseFormat::Json, &raw.headers, &raw.body);
        let seen = Seen {
            site,
            status: raw.status,
            headers: Some(&raw.headers),
            body: body.as_ref().ok(),
            grant: Grant::None,
        };
        classify(self.def(), &seen)?;
        let body = body.map_err(|reason| Error::InvalidResponse { site, reason })?;
        Ok(values_at(&body, select).into_iter().find_map(text))
    }
}

/// A value as connection text: strings as they are, numbers as written.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
