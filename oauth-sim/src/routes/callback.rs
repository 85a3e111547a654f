//! The authorization response on its way back to the redirect URI, as the grant's
//! `response_mode` says: a `302` with its parameters added to the redirect URI's query
//! (`query`), or (`form_post`, Sign in with Apple) a page whose form POSTs them there as soon
//! as it loads. Errors travel the same way.
//!
//! Where the grant's redirect is signed (`hmac`, Shopify), the parameters gain `shop` (the
//! host of the authorize endpoint) and `timestamp` (the simulator's wall clock), then the
//! HMAC-SHA256, keyed with the client secret, of every other parameter (those the def
//! excludes left out) sorted by name and joined as `name=value` with `&`, in the def's
//! encoding, under the def's parameter name.

use oauth_model::ResponseMode;

use super::{found, App};
use crate::crypto::hmac::sign_params;
use crate::render::{self, Reply};
use crate::secret::Secret;

/// An authorization response being built.
pub(super) struct Callback {
    target: url::Url,
    params: Vec<(String, String)>,
}

impl Callback {
    pub fn new(target: url::Url) -> Callback {
        Callback {
            target,
            params: Vec::new(),
        }
    }

    pub fn push(&mut self, name: &str, value: &str) {
        self.params.push((name.to_string(), value.to_string()));
    }

    /// Sends it back, signed with `secret` where the def signs redirects.
    pub fn deliver(mut self, app: &App, secret: &Secret) -> Reply {
        let ac = app.def.grants.authorization_code.as_ref();
        if let Some(hmac) = ac.and_then(|a| a.hmac.as_ref()) {
            if let Some(host) = app
                .spec_url("authorize", None)
                .and_then(|u| url::Url::parse(&u).ok())
                .and_then(|u| u.host_str().map(str::to_string))
            {
                self.push("shop", &host);
            }
            self.push("timestamp", &app.now_unix().to_string());
            let signed: Vec<(String, String)> = self
                .params
                .iter()
                .filter(|(k, _)| *k != hmac.param && !hmac.exclude.iter().any(|e| e == k))
                .cloned()
                .collect();
            let tag = sign_params(secret.expose().as_bytes(), &signed, hmac.encoding);
            let param = hmac.param.to_string();
            self.push(&param, &tag);
        }
        match ac.map_or(ResponseMode::Query, |a| a.response_mode) {
            ResponseMode::Query => {
                {
                    let mut q = self.target.query_pairs_mut();
                    for (k, v) in &self.params {
                        q.append_pair(k, v);
                    }
                }
                found(self.target.as_str())
            }
            ResponseMode::FormPost => render::form_post(self.target.as_str(), &self.params),
        }
    }
}
