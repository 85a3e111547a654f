//! Reading a compact JWS (RFC 7515 §7.1) that a provider sent: the three parts, the protected
//! header, and the signature check (ring's, through `jose::crypto`).
//!
//! This module must never trust a header (it only reports `alg` and `kid` for the caller to
//! judge against its allow-list), never accept `crit` extensions it does not know (it knows
//! none), and never verify without a key the caller chose for the header's algorithm.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::Deserialize;

use crate::jose::crypto::PublicKey;
use crate::jose::JwsAlgorithm;

/// The longest compact JWS read (a large ID token is a few kilobytes).
pub const MAX_JWS_BYTES: usize = 64 * 1024;

/// The protected header members this crate reads.
#[derive(Debug, Deserialize)]
pub(crate) struct Header {
    pub(crate) alg: String,
    #[serde(default)]
    pub(crate) kid: Option<String>,
    #[serde(default)]
    pub(crate) typ: Option<String>,
    #[serde(default)]
    pub(crate) crit: Option<serde_json::Value>,
}

/// A compact JWS, split and decoded, its signature not yet checked.
pub(crate) struct Compact<'a> {
    pub(crate) header: Header,
    pub(crate) payload: Vec<u8>,
    signing_input: &'a str,
    signature: &'a str,
}

impl std::fmt::Debug for Compact<'_> {
    /// The header only: the payload and signature are the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compact")
            .field("header", &self.header)
            .finish_non_exhaustive()
    }
}

/// Splits and decodes; the error says which rule the token broke.
pub(crate) fn parse(token: &str) -> Result<Compact<'_>, &'static str> {
    if token.len() > MAX_JWS_BYTES {
        return Err("the token is larger than 64 KiB");
    }
    let parts: Vec<&str> = token.split('.').collect();
    match parts.len() {
        3 => {}
        5 => return Err("the token is encrypted (JWE), which is not supported"),
        _ => return Err("the token is not a compact JWS (three dot-separated parts)"),
    }
    let decode = |part: &str, what| URL_SAFE_NO_PAD.decode(part).map_err(|_| what);
    let header = decode(parts[0], "the header is not base64url")?;
    let header: Header = serde_json::from_slice(&header)
        .map_err(|_| "the header is not a JSON object with `alg`")?;
    if header.crit.is_some() {
        return Err("the header has `crit` extensions, none of which are understood");
    }
    let payload = decode(parts[1], "the payload is not base64url")?;
    let signing_input = &token[..parts[0].len() + 1 + parts[1].len()];
    Ok(Compact {
        header,
        payload,
        signing_input,
        signature: parts[2],
    })
}

impl Compact<'_> {
    /// Whether the signature is `alg`'s over the signing input under `key`.
    pub(crate) fn signature_valid(&self, key: &PublicKey, alg: JwsAlgorithm) -> bool {
        URL_SAFE_NO_PAD
            .decode(self.signature)
            .is_ok_and(|signature| key.verify(alg, self.signing_input.as_bytes(), &signature))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_that_are_refused() {
        assert!(parse("a.b").is_err());
        assert!(parse("a.b.c.d.e").unwrap_err().contains("JWE"));
        assert!(parse("!!.e30.sig").is_err());
        let crit = format!(
            "{}.e30.sig",
            crate::jose::b64(br#"{"alg":"RS256","crit":["exp"]}"#)
        );
        assert!(parse(&crit).unwrap_err().contains("crit"));
        let ok = format!("{}.e30.sig", crate::jose::b64(br#"{"alg":"none"}"#));
        assert_eq!(
            parse(&ok).map(|c| c.header.alg).ok().as_deref(),
            Some("none")
        );
    }
}
