//! Rustdoc text built from the spec: what a user reads in their editor and on docs.rs.
//!
//! Each function renders Markdown only; it never decides what is generated.

use std::fmt::Write;

use oauth_model::{
    AuthorizationCodeDef, Lifetime, LimitDef, Presentation, ProviderDef, Requirement,
};

fn lifetime(l: Option<Lifetime>) -> Option<String> {
    l.map(|l| match l {
        Lifetime::Never => "never expires".to_string(),
        Lifetime::Secs(s) => human_secs(s),
    })
}

/// `120` -> `2 minutes`, `3600` -> `1 hour`.
pub(crate) fn human_secs(s: u64) -> String {
    let (n, unit) = if s % 86_400 == 0 && s >= 86_400 {
        (s / 86_400, "day")
    } else if s % 3600 == 0 && s >= 3600 {
        (s / 3600, "hour")
    } else if s % 60 == 0 && s >= 60 {
        (s / 60, "minute")
    } else {
        (s, "second")
    };
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The client type's documentation: identity, endpoints, grants, lifetimes, limits.
pub(crate) fn client_doc(def: &ProviderDef) -> String {
    let mut d = format!("A typed OAuth client for {}.", def.display_name);
    if let Some(desc) = &def.description {
        let _ = write!(d, "\n\n{}", desc.trim());
    }
    if let Some(url) = &def.docs_url {
        let _ = write!(d, "\n\nProvider documentation: <{url}>");
    }
    if let Some(dep) = &def.deprecated {
        let _ = write!(d, "\n\n**Deprecated since {}**: {}", dep.since, dep.note);
        if let Some(r) = &dep.replacement {
            let _ = write!(d, " Use {r} instead.");
        }
    }
    d.push_str("\n\n# Endpoints\n");
    for e in def.endpoints.iter() {
        let _ = write!(d, "\n- `{}`: `{} {}`", e.name, e.method, e.url.source);
    }
    d.push_str("\n\n# Grants\n");
    let g = &def.grants;
    let mut grants = Vec::new();
    if g.authorization_code.is_some() {
        grants.push("authorization code ([`Self::authorize`])".to_string());
    }
    if g.pin.is_some() {
        grants.push("PIN ([`Self::exchange_pin`])".to_string());
    }
    if g.refresh_token.is_some() {
        grants.push("refresh ([`Self::refresh`])".to_string());
    }
    if g.client_credentials.is_some() {
        grants.push("client credentials ([`Self::client_credentials`])".to_string());
    }
    if g.device_code.is_some() {
        grants.push("device code ([`Self::device_authorization`])".to_string());
    }
    for c in g.custom.iter() {
        grants.push(format!("{} ([`Self::{}`])", c.name, c.name));
    }
    for gr in grants {
        let _ = write!(d, "\n- {gr}");
    }
    if g.refresh_token.is_none() {
        d.push_str("\n\nThis provider issues no refresh tokens.");
    }
    let _ = write!(
        d,
        "\n\nClient authentication: `{}`. Tokens are sent {}.",
        def.client_auth,
        match &def.token_presentation {
            Presentation::Header { scheme } => format!("as `Authorization: {scheme} <token>`"),
            Presentation::Query { param, .. } => format!("in the `{param}` query parameter"),
        }
    );
    let l = &def.lifetimes;
    let lifetimes: Vec<String> = [
        ("authorization code", lifetime(l.authorization_code)),
        ("PIN code", lifetime(l.pin_code)),
        ("access token", lifetime(l.access_token)),
        ("refresh token", lifetime(l.refresh_token)),
    ]
    .into_iter()
    .filter_map(|(what, v)| v.map(|v| format!("- {what}: {v}")))
    .collect();
    if !lifetimes.is_empty() {
        let _ = write!(d, "\n\n# Lifetimes\n\n{}", lifetimes.join("\n"));
        let _ = write!(
            d,
            "\n\nThe runtime renews tokens {} before they expire.",
            human_secs(l.refresh_skew_secs)
        );
    }
    if !def.limits.is_empty() {
        d.push_str("\n\n# Limits\n");
        for limit in def.limits.iter() {
            let _ = write!(d, "\n- {}", limit_doc(limit));
        }
    }
    d
}

/// One line describing a limit.
pub(crate) fn limit_doc(limit: &LimitDef) -> String {
    match limit {
        LimitDef::Rate {
            counts,
            max,
            per_secs,
            key,
            block_for_secs,
            description,
        } => {
            let block = block_for_secs
                .map(|b| format!(", then blocked for {}", human_secs(b)))
                .unwrap_or_default();
            format!(
                "at most {max} {} per {} per {}{block}: {}",
                words(counts.as_str()),
                human_secs(*per_secs),
                words(key.as_str()),
                description.trim()
            )
        }
        LimitDef::Cap {
            counts,
            max,
            key,
            on_exceed,
            description,
        } => format!(
            "at most {max} {} per {} (past it: {}): {}",
            words(counts.as_str()),
            words(key.as_str()),
            words(on_exceed.as_str()),
            description.trim()
        ),
    }
}

/// `refresh_tokens` -> `refresh tokens`.
fn words(s: &str) -> String {
    s.replace('_', " ")
}

fn requirement(r: Requirement) -> &'static str {
    match r {
        Requirement::Required => "sent (required by the provider)",
        Requirement::Optional => "sent (optional for the provider)",
        Requirement::Unsupported => "not supported by the provider",
    }
}

/// `authorize()`'s documentation.
pub(crate) fn authorize_doc(def: &ProviderDef, ac: &AuthorizationCodeDef) -> String {
    let mut d = format!(
        "Starts the authorization code grant: build the URL to send the user to.\n\n\
         - `state`: {}\n- PKCE (S256): {}\n- `redirect_uri`: {}",
        requirement(ac.state),
        requirement(ac.pkce),
        requirement(ac.redirect_uri)
    );
    if let Some(Lifetime::Secs(s)) = def.lifetimes.authorization_code {
        let _ = write!(
            d,
            "\n\nThe code lives {}: exchange it promptly.",
            human_secs(s)
        );
    }
    if let Some(s) = &def.scopes {
        if s.required {
            d.push_str("\n\nAt least one scope is required.");
        }
    }
    d
}

/// `exchange_pin()`'s documentation.
pub(crate) fn pin_doc(def: &ProviderDef) -> String {
    let mut d = "Exchanges a PIN the user read off the provider's page.".to_string();
    if let Some(Lifetime::Secs(s)) = def.lifetimes.pin_code {
        let _ = write!(d, "\n\nA PIN lives {}.", human_secs(s));
    }
    if let Some(len) = def.grants.pin.as_ref().and_then(|p| p.code_length) {
        let _ = write!(d, " It is {len} characters long.");
    }
    d
}

/// `refresh()`'s documentation.
pub(crate) fn refresh_doc(def: &ProviderDef) -> String {
    let rotates = def.grants.refresh_token.as_ref().is_some_and(|r| r.rotates);
    let mut d = "Gets a new access token with the set's refresh token.\n\n".to_string();
    d.push_str(if rotates {
        "The provider may rotate the refresh token: the result carries the new one."
    } else {
        "The provider keeps the refresh token: the result carries the old one."
    });
    for limit in def.limits.iter() {
        if let LimitDef::Cap { counts, .. } = limit {
            if *counts == oauth_model::Capped::AccessTokens {
                let _ = write!(d, "\n\nMind the cap: {}.", limit_doc(limit));
            }
        }
    }
    d
}

/// `client_credentials()`'s documentation.
pub(crate) fn client_credentials_doc(def: &ProviderDef) -> String {
    let mut d = "The client credentials grant: a token for the client itself.".to_string();
    if def
        .grants
        .client_credentials
        .as_ref()
        .is_some_and(|c| c.reuses_token)
    {
        d.push_str(
            "\n\nThe provider hands back the same token until it expires, with its remaining \
             lifetime; asking again before expiry does not mint a new one.",
        );
    }
    d
}
