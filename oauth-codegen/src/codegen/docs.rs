//! Rustdoc text built from the spec: what a user reads in their editor and on docs.rs.
//!
//! Each function renders Markdown only; it never decides what is generated. Every fact the
//! spec sources is shown with its vendor page (`[source]`), so a user can check us.

use std::fmt::Write;

use oauth_model::{
    AuthorizationCodeDef, ClientAuth, ConnectionFrom, Lifetime, LimitDef, Presentation,
    ProviderDef, Requirement,
};
use proc_macro2::TokenStream;
use quote::quote;

fn lifetime(l: Option<Lifetime>) -> Option<String> {
    l.map(|l| match l {
        Lifetime::Never => "never expires".to_string(),
        Lifetime::Secs(s) => human_secs(s),
    })
}

/// `120` -> `2 minutes`, `3600` -> `1 hour`.
pub(crate) fn human_secs(s: u64) -> String {
    let (n, unit) = if s.is_multiple_of(86_400) && s >= 86_400 {
        (s / 86_400, "day")
    } else if s.is_multiple_of(3600) && s >= 3600 {
        (s / 3600, "hour")
    } else if s.is_multiple_of(60) && s >= 60 {
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

/// ` ([source](url))` for the fact at `path`, with its note, or nothing.
pub(crate) fn source(def: &ProviderDef, path: &str) -> String {
    let Some(fact) = def.fact(path) else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(url) = &fact.source {
        let _ = write!(out, " ([source]({url}))");
    }
    if let Some(note) = &fact.note {
        let _ = write!(out, " *{}*", note.trim());
    }
    out
}

/// `#[deprecated]` for a retired provider.
pub(crate) fn deprecated_attr(def: &ProviderDef) -> Option<TokenStream> {
    def.deprecated.as_ref().map(|d| {
        let mut note = d.note.trim().trim_end_matches('.').to_string();
        if !note.contains(d.since.as_ref() as &str) {
            note = format!("{note} (since {})", d.since);
        }
        if let Some(r) = &d.replacement {
            note = format!("{note}; replaced by {r}");
        }
        quote!(#[deprecated(note = #note)])
    })
}

/// How the client authenticates, in words.
fn client_auth(method: ClientAuth) -> &'static str {
    match method {
        ClientAuth::Basic => "HTTP Basic (`client_secret_basic`)",
        ClientAuth::RequestBody => {
            "`client_id` and `client_secret` in the body (`client_secret_post`)"
        }
        ClientAuth::Query => "`client_id` and `client_secret` in the query string",
        ClientAuth::None => "none (a public client: `client_id` only, with PKCE)",
        ClientAuth::PrivateKeyJwt => {
            "a client assertion signed with the client's key (`private_key_jwt`)"
        }
        ClientAuth::ClientSecretJwt => {
            "a client assertion signed with the secret (`client_secret_jwt`)"
        }
        ClientAuth::SignedClientSecret => "a client secret the client signs as a JWT",
    }
}

/// How tokens reach the API, in words.
pub(crate) fn presentation(p: &Presentation) -> String {
    match p {
        Presentation::Header { name, scheme } if scheme.is_empty() => {
            format!("as `{name}: <token>`")
        }
        Presentation::Header { name, scheme } => format!("as `{name}: {scheme} <token>`"),
        Presentation::Query { param, .. } => format!("in the `{param}` query parameter"),
        Presentation::None => "to no API (only the identity they carry matters)".to_string(),
    }
}

/// The client type's documentation: identity, endpoints, grants, lifetimes, limits, each
/// with its source.
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
    if !def.variables.is_empty() {
        d.push_str("\n\n# Variables\n");
        for v in def.variables.iter() {
            let _ = write!(
                d,
                "\n- `{}`: {}{}",
                v.name,
                v.description.trim(),
                source(def, &format!("variables.{}", v.name))
            );
        }
    }
    d.push_str("\n\n# Endpoints\n");
    for e in def.endpoints.iter() {
        let _ = write!(
            d,
            "\n- `{}`: `{} {}`{}",
            e.name,
            e.method,
            e.url.source,
            source(def, &format!("endpoints.{}", e.name))
        );
    }
    d.push_str("\n\n# Grants\n");
    let g = &def.grants;
    let mut grants = Vec::new();
    if g.authorization_code.is_some() {
        grants.push(format!(
            "authorization code ([`Self::authorize`]){}",
            source(def, "grants.authorization_code")
        ));
    }
    if g.pin.is_some() {
        grants.push(format!(
            "PIN ([`Self::exchange_pin`]){}",
            source(def, "grants.pin")
        ));
    }
    if g.refresh_token.is_some() {
        grants.push(format!(
            "refresh ([`Self::refresh`], [`Self::token_source`]){}",
            source(def, "grants.refresh_token")
        ));
    }
    if g.client_credentials.is_some() {
        grants.push(format!(
            "client credentials ([`Self::client_credentials`], [`Self::client_credentials_source`]){}",
            source(def, "grants.client_credentials")
        ));
    }
    if g.device_code.is_some() {
        grants.push(format!(
            "device code ([`Self::device_authorization`]){}",
            source(def, "grants.device_code")
        ));
    }
    for c in g.custom.iter() {
        grants.push(format!(
            "{} ([`Self::{}`]){}",
            c.name,
            super::ident(&c.name),
            source(def, &format!("grants.custom.{}", c.name))
        ));
    }
    for gr in grants {
        let _ = write!(d, "\n- {gr}");
    }
    if g.refresh_token.is_none() {
        d.push_str("\n\nThis provider issues no refresh tokens.");
    }
    let ca = &def.client_auth;
    let _ = write!(
        d,
        "\n\nClient authentication: {}{}",
        client_auth(ca.method),
        source(def, "client_auth")
    );
    if let Some(public) = ca.public {
        let _ = write!(d, "; without a secret: {}", client_auth(public));
    }
    let _ = write!(
        d,
        ". Tokens are sent {}{}.",
        presentation(&def.token_presentation),
        source(def, "token_presentation")
    );
    if !def.api.headers.is_empty() {
        let headers: Vec<String> = def
            .api
            .headers
            .iter()
            .map(|h| format!("`{}: {}`", h.name, h.value.source))
            .collect();
        let _ = write!(
            d,
            " Every API call carries {}{}.",
            headers.join(", "),
            source(def, "api")
        );
    }
    if !def.connection.is_empty() {
        d.push_str("\n\n# Learned at authorization\n");
        for c in def.connection.iter() {
            let from = match &c.from {
                ConnectionFrom::Callback { param } => format!("the redirect's `{param}`"),
                ConnectionFrom::TokenResponse { field } => {
                    format!("the token response's `{field}`")
                }
                ConnectionFrom::Request { endpoint, select } => {
                    format!("`{select}` of the `{endpoint}` endpoint's answer")
                }
            };
            let _ = write!(
                d,
                "\n- `{}`: {} (from {from}){}",
                c.name,
                c.description.trim(),
                source(def, &format!("connection.{}", c.name))
            );
        }
    }
    let l = &def.lifetimes;
    let lifetimes: Vec<String> = [
        (
            "authorization code",
            "authorization_code",
            l.authorization_code,
        ),
        ("PIN code", "pin_code", l.pin_code),
        ("device code", "device_code", l.device_code),
        ("access token", "access_token", l.access_token),
        ("refresh token", "refresh_token", l.refresh_token),
    ]
    .into_iter()
    .filter_map(|(what, key, v)| {
        lifetime(v).map(|v| format!("- {what}: {v}{}", source(def, &format!("lifetimes.{key}"))))
    })
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
    if let Some(s) = &def.scopes {
        let _ = write!(
            d,
            "\n\n# Scopes\n\n{} scopes in [`scopes`]{}.",
            s.catalogue.len(),
            source(def, "scopes")
        );
        if s.open {
            d.push_str(
                " The catalogue cannot list them all (they are configured per tenant or API): \
                 ask for others with the authorization request's `other_scope`.",
            );
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
            ..
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
            ..
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
    for p in ac.params.iter() {
        let _ = write!(d, "\n- `{}={}`: always sent", p.name, p.value.source);
    }
    for p in ac.extra_params.iter() {
        if let Some(v) = &p.send {
            let _ = write!(d, "\n- `{}={v}`: sent unless set otherwise", p.name);
        }
    }
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
        if !s.default.is_empty() {
            let defaults: Vec<String> = s.default.iter().map(|d| format!("`{d}`")).collect();
            let _ = write!(
                d,
                "\n\nWith no scope named, it asks for {}.",
                defaults.join(", ")
            );
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
    let Some(r) = def.grants.refresh_token.as_ref() else {
        return String::new();
    };
    let mut d = match r.renew_with {
        oauth_model::RenewWith::RefreshToken => {
            "Gets a new access token with the set's refresh token.\n\n".to_string()
        }
        oauth_model::RenewWith::AccessToken => format!(
            "Exchanges the set's access token for a new one (`grant_type={}`, the token in \
             `{}`): this provider has no refresh tokens.\n\n",
            r.grant_type, r.token_param
        ),
    };
    d.push_str(if r.rotates {
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

/// The list of what a provider can do, for the message of a grant it lacks.
pub(crate) fn grants_list(def: &ProviderDef) -> String {
    let g = &def.grants;
    let mut have = Vec::new();
    if g.authorization_code.is_some() {
        have.push("authorization code (`authorize()`)".to_string());
    }
    if g.pin.is_some() {
        have.push("PIN (`pin_url()`, `exchange_pin()`)".to_string());
    }
    if g.refresh_token.is_some() {
        have.push("refresh (`refresh()`, `token_source()`)".to_string());
    }
    if g.client_credentials.is_some() {
        have.push(
            "client credentials (`client_credentials()`, `client_credentials_source()`)"
                .to_string(),
        );
    }
    if g.device_code.is_some() {
        have.push("device code (`device_authorization()`)".to_string());
    }
    for c in g.custom.iter() {
        have.push(format!("{} (`{}()`)", c.name.replace('_', " "), c.name));
    }
    if have.is_empty() {
        return format!("{} declares no grant", def.display_name);
    }
    format!("the grants of {}: {}", def.display_name, have.join(", "))
}
