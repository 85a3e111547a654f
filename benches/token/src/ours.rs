//! Our contender: [`TokenSource::client_credentials`] over the real [`Client`], so a renewal
//! goes through the same request building, HTTP and response parsing as in production.

use std::borrow::Cow;
use std::sync::Arc;

use oauth_runtime::model::*;
use oauth_runtime::{Client, Credentials, TokenSet, TokenSource};

use crate::{BenchError, Contender, CLIENT_ID, CLIENT_SECRET};

const fn s(text: &'static str) -> Str {
    Cow::Borrowed(text)
}

/// A plain RFC 6749 provider with the client credentials grant: token endpoint at
/// `/oauth/token` (the origin is overridden to the local endpoint), client authentication in
/// the body, JSON responses with a full `expires_in`, a 60 s renewal skew, no limits.
pub static BENCH_PROVIDER: ProviderDef = ProviderDef {
    name: s("BenchProvider"),
    display_name: s("Bench provider"),
    docs_url: None,
    description: None,
    deprecated: None,
    variables: Cow::Borrowed(&[]),
    endpoints: Cow::Borrowed(&[EndpointDef {
        name: s("token"),
        url: Template {
            source: s("https://auth.bench.invalid/oauth/token"),
            parts: Cow::Borrowed(&[TemplatePart::Lit(s(
                "https://auth.bench.invalid/oauth/token",
            ))]),
        },
        method: Method::Post,
    }]),
    client_auth: ClientAuth::RequestBody,
    token_presentation: Presentation::Header {
        scheme: s("Bearer"),
    },
    token_response: ResponseDef {
        format: ResponseFormat::Json,
        expires_in: ExpiresIn::Full,
        expires_in_unit: TimeUnit::Seconds,
        fields: FieldNames {
            access_token: s("access_token"),
            refresh_token: s("refresh_token"),
            expires_in: s("expires_in"),
            scope: s("scope"),
            token_type: s("token_type"),
        },
        extra_fields: Cow::Borrowed(&[]),
        scope_separator: s(" "),
        success_when: None,
    },
    grants: GrantsDef {
        authorization_code: None,
        pin: None,
        refresh_token: None,
        client_credentials: Some(ClientCredentialsDef {
            token_endpoint: s("token"),
            params_in: ParamsIn::Body,
            reuses_token: false,
        }),
        device_code: None,
        custom: Cow::Borrowed(&[]),
    },
    lifetimes: LifetimesDef {
        authorization_code: None,
        pin_code: None,
        access_token: Some(Lifetime::Secs(3600)),
        refresh_token: None,
        refresh_skew_secs: 60,
    },
    limits: Cow::Borrowed(&[]),
    scopes: None,
    errors: Cow::Borrowed(&[]),
};

/// `oauth_runtime::TokenSource` with the client credentials grant against the local endpoint.
#[derive(Debug, Clone)]
pub struct Ours {
    source: TokenSource,
}

impl Ours {
    /// A source whose client sends every request to `origin` (`http://127.0.0.1:port`).
    pub fn new(origin: &str) -> Result<Ours, BenchError> {
        let origin = reqwest::Url::parse(origin).map_err(|e| BenchError::new(origin, e))?;
        let client = Client::builder(&BENCH_PROVIDER, Credentials::new(CLIENT_ID, CLIENT_SECRET))
            .origin_override(origin)
            .build()
            .map_err(|e| BenchError::new("building our client", e))?;
        let source = TokenSource::client_credentials(&client, "bench", Vec::new()).build();
        Ok(Ours { source })
    }

    /// The source itself.
    pub fn source(&self) -> &TokenSource {
        &self.source
    }
}

impl Contender for Ours {
    type Token = Arc<TokenSet>;

    fn name(&self) -> &'static str {
        "oauth-runtime TokenSource"
    }

    /// A renewal is due `min(skew, remaining / 2)` before expiry, so a token issued with
    /// `expires_in: 0` is due at once whatever the skew.
    fn stale_expires_in(&self) -> u64 {
        0
    }

    async fn token(&self) -> Result<Arc<TokenSet>, BenchError> {
        self.source
            .token()
            .await
            .map_err(|e| BenchError::new("oauth-runtime token()", e))
    }
}

/// The same source read with [`TokenSource::with_token`]: the set is lent to a closure instead
/// of shared through an `Arc`. The closure reads the access token (through `black_box`, so the
/// read is not optimised away) and returns its length.
#[derive(Debug, Clone)]
pub struct OursLent {
    source: TokenSource,
}

impl OursLent {
    /// A source whose client sends every request to `origin` (`http://127.0.0.1:port`).
    pub fn new(origin: &str) -> Result<OursLent, BenchError> {
        Ok(OursLent {
            source: Ours::new(origin)?.source,
        })
    }
}

impl Contender for OursLent {
    type Token = usize;

    fn name(&self) -> &'static str {
        "oauth-runtime TokenSource::with_token"
    }

    fn stale_expires_in(&self) -> u64 {
        0
    }

    async fn token(&self) -> Result<usize, BenchError> {
        self.source
            .with_token(|t| std::hint::black_box(t.access_token.secret()).len())
            .await
            .map_err(|e| BenchError::new("oauth-runtime with_token()", e))
    }
}
