//! Client authentication on token, revocation and device requests, the way the spec's
//! `client_auth` says: `Authorization: Basic` (form-encoded per RFC 6749 §2.3.1, or raw),
//! `client_id` and `client_secret` in the body or the query, a public client's bare
//! `client_id`, an RFC 7523 client assertion (`private_key_jwt`, `client_secret_jwt`), or
//! Sign in with Apple's client secret signed for each request (`signed_client_secret`).
//!
//! The method was chosen once, at build time (`Inner::auth_method`): the public method for
//! credentials without a secret, and a JWT method only with a key to sign with. Signed JWTs
//! are secrets like the client secret: they go on the wire and nowhere else.

use std::time::Duration;

use oauth_model::{ClientAuth, JwtDef, ParamsIn};
use url::Url;

use crate::error::Error;
use crate::jose::{AppleClientSecret, ClientAssertion, JoseError};
use crate::request::{basic_authorization, OutRequest};

use super::builder::jws_algorithm;
use super::client::Client;

impl Client {
    /// Authenticates `request` to `url` (the endpoint it goes to: a client assertion's
    /// default audience) the way the spec says. Parameters go to the body, or to the query
    /// for `query`; standard names follow `param_names`.
    pub(crate) fn authenticate(&self, request: &mut OutRequest, url: &Url) -> Result<(), Error> {
        let inner = &self.inner;
        let id = inner.credentials.client_id.as_str();
        let secret = inner.credentials.client_secret.as_ref();
        let method = inner.auth_method;
        let place = if method == ClientAuth::Query {
            ParamsIn::Query
        } else {
            ParamsIn::Body
        };
        match method {
            ClientAuth::Basic => match secret {
                Some(secret) => request.authorization(basic_authorization(
                    id,
                    secret.secret(),
                    self.def().client_auth.basic_encoding,
                )),
                None => self.std_param(request, place, "client_id", id),
            },
            ClientAuth::RequestBody | ClientAuth::Query => {
                self.std_param(request, place, "client_id", id);
                if let Some(secret) = secret {
                    self.std_param(request, place, "client_secret", secret.secret());
                }
            }
            ClientAuth::None => self.std_param(request, place, "client_id", id),
            ClientAuth::PrivateKeyJwt | ClientAuth::ClientSecretJwt => {
                let assertion = self.client_assertion(method, url)?;
                self.std_param(request, place, "client_id", id);
                for (name, value) in assertion.form_params() {
                    request.param(place, name, value);
                }
            }
            ClientAuth::SignedClientSecret => {
                let signed = self.apple_client_secret(url)?;
                self.std_param(request, place, "client_id", id);
                self.std_param(request, place, "client_secret", signed.secret());
            }
        }
        Ok(())
    }

    /// Adds standard parameter `standard` under the provider's name for it (or not at all,
    /// where the provider leaves it out).
    pub(crate) fn std_param(
        &self,
        request: &mut OutRequest,
        place: ParamsIn,
        standard: &str,
        value: &str,
    ) {
        if let Some(name) = self.wire(standard) {
            request.param(place, name, value);
        }
    }

    /// The spec's JWT settings; a definition that names a JWT method without them is
    /// inconsistent.
    fn jwt(&self) -> Result<&JwtDef, Error> {
        self.def().client_auth.jwt.as_ref().ok_or_else(|| {
            Error::Config(format!(
                "{} names a JWT client authentication without its settings",
                self.def().display_name
            ))
        })
    }

    /// A claim rendered from its template, or `default`.
    fn claim(
        &self,
        template: Option<&oauth_model::Template>,
        default: &str,
    ) -> Result<String, Error> {
        match template {
            Some(t) => self.render(t, None, None),
            None => Ok(default.to_string()),
        }
    }

    /// The audience of a JWT sent to `url`: the spec's, else the endpoint's URL without
    /// query or fragment (`token_endpoint` names that too).
    fn audience(&self, jwt: &JwtDef, url: &Url) -> Result<String, Error> {
        let mut endpoint = url.clone();
        endpoint.set_query(None);
        endpoint.set_fragment(None);
        let endpoint = endpoint.to_string();
        let aud = self.claim(jwt.audience.as_ref(), &endpoint)?;
        Ok(match aud.as_str() {
            "token_endpoint" => endpoint,
            "issuer" => self.issuer()?,
            _ => aud,
        })
    }

    /// An RFC 7523 client assertion for a request to `url`.
    fn client_assertion(&self, method: ClientAuth, url: &Url) -> Result<ClientAssertion, Error> {
        let jwt = self.jwt()?;
        let id = self.inner.credentials.client_id.as_str();
        let builder =
            ClientAssertion::builder(&self.inner.credentials.client_id, self.audience(jwt, url)?)
                .issuer(self.claim(jwt.issuer.as_ref(), id)?)
                .subject(self.claim(jwt.subject.as_ref(), id)?)
                .lifetime(crate::time::secs(jwt.lifetime_secs))
                .issued_at(self.runtime_clock().wall());
        let signed = match method {
            ClientAuth::PrivateKeyJwt => {
                let key = self
                    .inner
                    .signing_key
                    .as_ref()
                    .ok_or_else(|| no_key(self))?;
                builder.private_key_jwt(key)
            }
            _ => {
                let secret = self
                    .inner
                    .credentials
                    .client_secret
                    .as_ref()
                    .ok_or_else(|| {
                        Error::Config("client_secret_jwt needs the client secret".into())
                    })?;
                builder.client_secret_jwt(secret, jws_algorithm(jwt.algorithm))
            }
        };
        signed.map_err(jose_config)
    }

    /// Sign in with Apple's client secret for a request to `url`.
    fn apple_client_secret(&self, url: &Url) -> Result<crate::ClientSecret, Error> {
        let jwt = self.jwt()?;
        let id = self.inner.credentials.client_id.as_str();
        let key = self
            .inner
            .signing_key
            .as_ref()
            .ok_or_else(|| no_key(self))?;
        AppleClientSecret::builder(
            self.claim(jwt.issuer.as_ref(), id)?,
            &self.inner.credentials.client_id,
        )
        .subject(self.claim(jwt.subject.as_ref(), id)?)
        .audience(self.audience(jwt, url)?)
        .lifetime(crate::time::secs(jwt.lifetime_secs).max(Duration::from_secs(1)))
        .issued_at(self.runtime_clock().wall())
        .sign(key)
        .map_err(jose_config)
    }
}

fn no_key(client: &Client) -> Error {
    Error::Config(format!(
        "{} signs its client authentication; set a key with `signing_key`",
        client.def().display_name
    ))
}

/// A signing failure as a configuration error (the message never holds key material).
fn jose_config(e: JoseError) -> Error {
    Error::Config(format!("could not sign the client authentication: {e}"))
}
