//! The HMAC-SHA256 a provider signs its redirect with (Shopify's `hmac`): over the redirect's
//! other parameters, sorted by name (then value) and joined as `name=value` with `&`, keyed
//! with the client secret, written in hex or base64.

use base64::Engine;
use oauth_model::HmacEncoding;

/// The HMAC of `params` (every parameter but the signed ones' own), as the redirect carries it.
pub(crate) fn sign_params(
    key: &[u8],
    params: &[(String, String)],
    encoding: HmacEncoding,
) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let message = sorted
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key);
    let tag = ring::hmac::sign(&key, message.as_bytes());
    match encoding {
        HmacEncoding::Hex => tag.as_ref().iter().map(|b| format!("{b:02x}")).collect(),
        HmacEncoding::Base64 => base64::engine::general_purpose::STANDARD.encode(tag.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shopify_example() {
        // Shopify's documented example: secret `hush`, the query
        // `code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173`.
        let params: Vec<(String, String)> = [
            ("shop", "some-shop.myshopify.com"),
            ("code", "0907a61c0c8d55e99db179b68161bc00"),
            ("timestamp", "1337178173"),
            ("state", "0.6784241404160823"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            sign_params(b"hush", &params, HmacEncoding::Hex),
            "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"
        );
    }
}
