//! The front channel's checks: `state` and PKCE generation, and what a redirect must pass
//! before its code is used (constant-time `state`, the provider's HMAC where the spec declares
//! one, provider errors, redirect parameters that select a variable).
//!
//! Everything a redirect carries is attacker-controlled: a value selecting a host is accepted
//! only when the spec declares it, so the client secret and the code never go to a host the
//! spec did not name. No redirect value is ever copied into an error message.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use oauth_model::{
    ErrorMeaning, ErrorSite, HmacDef, HmacEncoding, ProviderDef, VarValue, VariableKind,
};
use rand::RngCore as _;
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;
use url::Url;

use crate::classify::{self, Grant, Seen};
use crate::error::Error;
use crate::secret::ClientSecret;
use crate::secret::CsrfToken;

/// 32 random bytes (256 bits), base64url without padding (43 characters): used for `state`
/// (RFC 6749 §10.12 wants it unguessable; the design asks for 128+ bits) and as the PKCE
/// verifier (RFC 7636 §4.1: 43 to 128 characters from the unreserved set).
pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// `BASE64URL(SHA256(ASCII(verifier)))` (RFC 7636 §4.2, S256).
pub(crate) fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A redirect's query parameters, in order.
pub(crate) struct Redirect {
    pairs: Vec<(String, String)>,
}

impl Redirect {
    /// Parses a query string (a leading `?` is allowed) or a form-post body.
    pub(crate) fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        Redirect {
            pairs: url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        }
    }

    /// Every value of `name`.
    fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value of `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Checks `state` in constant time. A missing, repeated or different `state` is a
    /// mismatch when one was sent; when none was sent the redirect's is ignored.
    pub(crate) fn check_state(&self, expected: Option<&CsrfToken>) -> Result<(), Error> {
        let Some(expected) = expected else {
            return Ok(());
        };
        match self.all("state").as_slice() {
            [got] if bool::from(got.as_bytes().ct_eq(expected.secret().as_bytes())) => Ok(()),
            _ => Err(Error::StateMismatch),
        }
    }

    /// Checks the provider's HMAC over the other parameters (Shopify): every parameter but
    /// `hmac.param` and `hmac.exclude`, sorted by name, as `name=value` joined with `&`,
    /// HMAC-SHA256 keyed with the client secret, compared in constant time. A missing,
    /// repeated or undecodable signature fails like a wrong one.
    pub(crate) fn check_hmac(
        &self,
        hmac: &HmacDef,
        secret: Option<&ClientSecret>,
    ) -> Result<(), Error> {
        let secret = secret.ok_or_else(|| {
            Error::Config(
                "the redirect is signed with the client secret, which this client lacks".into(),
            )
        })?;
        let signature = match self.all(&hmac.param).as_slice() {
            [one] => match hmac.encoding {
                HmacEncoding::Hex => hex_decode(one),
                HmacEncoding::Base64 => base64::engine::general_purpose::STANDARD.decode(one).ok(),
            },
            _ => None,
        }
        .ok_or(Error::CallbackSignature)?;
        let mut signed: Vec<&(String, String)> = self
            .pairs
            .iter()
            .filter(|(k, _)| *k != hmac.param && !hmac.exclude.iter().any(|e| e == k))
            .collect();
        signed.sort();
        let message = signed
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.secret().as_bytes());
        ring::hmac::verify(&key, message.as_bytes(), &signature)
            .map_err(|_| Error::CallbackSignature)
    }

    /// The provider's error, when the redirect reports one (`error=access_denied`): the spec's
    /// rules at `authorize` first, then RFC 6749 §4.1.2.1's codes.
    pub(crate) fn provider_error(&self, def: &ProviderDef) -> Option<Error> {
        let code = self.get("error")?;
        let mut map = Map::new();
        for (k, v) in &self.pairs {
            map.entry(k.clone())
                .or_insert_with(|| Value::String(v.clone()));
        }
        let body = Value::Object(map);
        let seen = Seen {
            site: ErrorSite::Authorize,
            status: 0,
            headers: None,
            body: Some(&body),
            grant: Grant::Code,
        };
        if let Some(p) = classify::match_rules(def, &seen) {
            return Some(Error::Provider(p));
        }
        let meaning = classify::standard_meaning(code, ErrorSite::Authorize, Grant::Code)
            .unwrap_or(ErrorMeaning::BadRequest);
        Some(classify::provider_error(&seen, code, meaning, None))
    }

    /// The variables the redirect selects (Zoho's `location` and `accounts-server`), each
    /// checked against the spec's declared values.
    pub(crate) fn selected(&self, def: &ProviderDef) -> Result<Vec<(usize, VarValue)>, Error> {
        let Some(grant) = def.grants.authorization_code.as_ref() else {
            return Ok(Vec::new());
        };
        let mut selected: Vec<(usize, VarValue)> = Vec::new();
        for param in grant.callback_params.iter() {
            let Some(value) = self.get(&param.name) else {
                continue;
            };
            let var = def.variables.get(param.variable).ok_or_else(|| {
                Error::Config(format!(
                    "redirect parameter `{}` selects variable #{}, which the spec lacks",
                    param.name, param.variable
                ))
            })?;
            let VariableKind::Choice { choices, .. } = &var.kind else {
                return Err(Error::Config(format!(
                    "redirect parameter `{}` selects `{}`, which is not a choice variable",
                    param.name, var.name
                )));
            };
            let index = match param.by_property {
                None => choices.iter().position(|c| c.key == value),
                Some(p) => origin(value).and_then(|got| {
                    choices.iter().position(|c| {
                        c.values
                            .get(p)
                            .and_then(|v| origin(v))
                            .is_some_and(|o| o == got)
                    })
                }),
            };
            let index = index.ok_or_else(|| {
                Error::Config(match param.by_property {
                    Some(_) => format!(
                        "redirect parameter `{}` names a host the spec does not declare",
                        param.name
                    ),
                    None => format!(
                        "redirect parameter `{}` names a value the spec does not declare; \
                         expected one of {}",
                        param.name,
                        choices
                            .iter()
                            .map(|c| format!("`{}`", c.key))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })
            })?;
            match selected.iter().find(|(v, _)| *v == param.variable) {
                Some((_, VarValue::Choice(previous))) if *previous != index => {
                    return Err(Error::Config(format!(
                        "redirect parameters disagree on variable `{}`",
                        var.name
                    )))
                }
                Some(_) => {}
                None => selected.push((param.variable, VarValue::Choice(index))),
            }
        }
        Ok(selected)
    }
}

/// Lowercase or uppercase hexadecimal to bytes; `None` for anything else.
fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// The origin (scheme, host, port) of an absolute URL; `None` for anything else.
fn origin(s: &str) -> Option<url::Origin> {
    let origin = Url::parse(s.trim()).ok()?.origin();
    origin.is_tuple().then_some(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_tokens_are_43_url_safe_chars_and_differ() {
        let a = random_token();
        let b = random_token();
        assert_eq!(a.len(), 43);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_ne!(a, b);
    }

    #[test]
    fn state_must_be_present_once_and_equal() {
        let expected = CsrfToken::new("abc");
        assert!(Redirect::parse("?code=1&state=abc")
            .check_state(Some(&expected))
            .is_ok());
        for q in [
            "code=1",
            "code=1&state=abd",
            "state=abc&state=abc",
            "state=ab",
        ] {
            assert!(matches!(
                Redirect::parse(q).check_state(Some(&expected)),
                Err(Error::StateMismatch)
            ));
        }
        assert!(Redirect::parse("code=1").check_state(None).is_ok());
    }

    #[test]
    fn origins_ignore_trailing_slash_and_case() {
        assert_eq!(
            origin("https://accounts.zoho.eu"),
            origin("https://ACCOUNTS.zoho.eu/")
        );
        assert_ne!(
            origin("https://accounts.zoho.eu"),
            origin("http://accounts.zoho.eu")
        );
        assert_eq!(origin("accounts.zoho.eu"), None);
    }
}
