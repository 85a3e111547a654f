//! Seed inputs, taken from the repository so they follow it: every spec the tests use, the
//! documented example responses of the bundled providers (`tests/fixtures/providers/`), and a
//! few hand-written bodies and redirects per format. Token and callback seeds are crossed with
//! every bundled spec (the first byte of such an input picks the spec).

use std::path::Path;

use serde_json::Value;

use crate::targets::{Harness, Target};

/// Hand-written JSON bodies: a full success, RFC 6749 errors, Slack's `ok: false`, nested
/// sets, odd lifetimes.
const JSON_BODIES: &[&str] = &[
    r#"{"access_token":"at-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-1","scope":"read write"}"#,
    r#"{"access_token":"at-1","token_type":"bearer","expires_in":"3599","api_domain":"https://www.zohoapis.eu","instance_url":"https://x.my.salesforce.com"}"#,
    r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#,
    r#"{"error":"invalid_client"}"#,
    r#"{"ok":false,"error":"invalid_code"}"#,
    r#"{"ok":true,"access_token":"xoxb-1","scope":"chat:write","authed_user":{"id":"U1","access_token":"xoxp-1","scope":"users:read","token_type":"user"}}"#,
    r#"{"access_token":"at","expires_in":0,"scope":["a","b"],"expires_at":1700003600}"#,
    r#"{"errors":[{"code":"601","message":"Access token invalid"}],"success":false}"#,
    r#"{"access_token":"at","token_type":"DPoP","expires_in":1e3,"id_token":"a.b.c"}"#,
];

/// Hand-written form bodies (GitHub without `Accept: application/json`).
const FORM_BODIES: &[&str] = &[
    "access_token=gho_1&scope=repo%2Cgist&token_type=bearer",
    "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com",
    "access_token=a&expires_in=28800&refresh_token=r&refresh_token_expires_in=15897600&scope=&token_type=bearer",
];

/// Hand-written Java-properties bodies (Zoho's v1 authtoken).
const PROPERTIES_BODIES: &[&str] = &[
    "#\n#Mon Jan 01 00:00:00 PST 2024\nAUTHTOKEN=bad18eba1ff45jk7858b8ae88a77fa30\nRESULT=TRUE\n",
    "#\nCAUSE=EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS\nRESULT=FALSE\n",
    "key\\=with\\:escapes = value \\\n  continued\n! comment\n",
];

/// Hand-written redirect queries: a code, an error, Zoho's data-centre selection, QuickBooks'
/// realm, a Shopify-style signed redirect.
const CALLBACKS: &[&str] = &[
    "code=abc&state=fuzz-state",
    "?code=abc&state=fuzz-state&scope=a+b",
    "error=access_denied&error_description=The+user+denied+access&state=fuzz-state",
    "error=invalid_scope&error_description=bad%0d%0ainjected&state=fuzz-state",
    "code=x&state=fuzz-state&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu",
    "code=x&realmId=4620816365037572030&state=fuzz-state",
    "code=x&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&host=YWRtaW4&shop=example.myshopify.com&state=fuzz-state&timestamp=1700000000",
    "code=x&state=fuzz-state&state=fuzz-state",
];

/// The seeds of `target`.
pub fn seeds(target: Target, harness: &Harness, repo: &Path) -> Vec<Vec<u8>> {
    match target {
        Target::Spec => spec_seeds(harness, repo),
        Target::Callback => crossed(
            harness,
            CALLBACKS.iter().map(|s| s.as_bytes().to_vec()),
            &[],
        ),
        Target::TokenJson | Target::TokenForm | Target::TokenProperties => {
            let (bodies, content_type): (&[&str], u8) = match target {
                Target::TokenForm => (FORM_BODIES, 1),
                Target::TokenProperties => (PROPERTIES_BODIES, 2),
                _ => (JSON_BODIES, 0),
            };
            let mut all: Vec<Vec<u8>> = bodies.iter().map(|s| s.as_bytes().to_vec()).collect();
            all.extend(fixture_bodies(repo, target));
            let mut out = Vec::new();
            // Each body once as a success and once as a 400, with the format's content type.
            for status in [0u8, 2] {
                out.extend(crossed(
                    harness,
                    all.iter().cloned(),
                    &[status, content_type],
                ));
            }
            out
        }
    }
}

/// Every `.yaml` under the directories whose specs the tests use.
fn spec_seeds(harness: &Harness, repo: &Path) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = harness
        .spec_texts()
        .map(|(_, t)| t.as_bytes().to_vec())
        .collect();
    for dir in [
        "tests/ui/specs",
        "tests/specs/v2",
        "oauth-codegen/tests/specs",
    ] {
        let Ok(entries) = std::fs::read_dir(repo.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "yaml") {
                if let Ok(bytes) = std::fs::read(&path) {
                    out.push(bytes);
                }
            }
        }
    }
    out
}

/// The documented example bodies in `tests/fixtures/providers/*.yaml` whose format fits
/// `target` (JSON bodies start with `{`; form bodies contain `=` and no newline; properties
/// bodies have `=` on lines).
fn fixture_bodies(repo: &Path, target: Target) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(repo.join("tests/fixtures/providers")) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(doc) = serde_saphyr::from_str::<Value>(&text) else {
            continue;
        };
        let mut bodies = Vec::new();
        collect_bodies(&doc, &mut bodies);
        for body in bodies {
            let trimmed = body.trim_start();
            let json = trimmed.starts_with('{') || trimmed.starts_with('[');
            let fits = match target {
                Target::TokenJson => json,
                Target::TokenForm => !json && body.contains('=') && !body.trim().contains('\n'),
                Target::TokenProperties => !json && body.contains('='),
                Target::Spec | Target::Callback => false,
            };
            if fits {
                out.push(body.into_bytes());
            }
        }
    }
    out
}

/// Every string under a `body` key.
fn collect_bodies(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if k == "body" => out.push(s.clone()),
                    other => collect_bodies(other, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_bodies(i, out)),
        _ => {}
    }
}

/// Each input prefixed by every bundled spec's index byte and `prefix` (a status and a
/// content-type index, see [`crate::STATUSES`] and [`crate::CONTENT_TYPES`]).
fn crossed(
    harness: &Harness,
    inputs: impl Iterator<Item = Vec<u8>> + Clone,
    prefix: &[u8],
) -> Vec<Vec<u8>> {
    let count = harness.provider_names().count().min(256);
    let mut out = Vec::new();
    for index in 0..count {
        for input in inputs.clone() {
            let mut seed = vec![index as u8];
            seed.extend_from_slice(prefix);
            seed.extend_from_slice(&input);
            out.push(seed);
        }
    }
    out
}
