//! Shared test helpers: a minimal provider definition and a scripted fetcher.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::BoxFuture;
use oauth_runtime::model::*;
use oauth_runtime::{Error, RefreshToken, TokenFetcher, TokenSet};

fn s(x: &str) -> Str {
    Cow::Owned(x.to_string())
}

/// A plain RFC 6749 provider: token endpoint at `origin/oauth/token`, API at `origin/api`,
/// request-body client auth, Bearer tokens, JSON responses, the given limits.
pub fn def(name: &str, limits: Vec<LimitDef>) -> &'static ProviderDef {
    let tpl = |src: &str| Template {
        source: s(src),
        parts: Cow::Owned(vec![TemplatePart::Lit(s(src))]),
    };
    let d = ProviderDef {
        name: s(name),
        display_name: s(name),
        docs_url: None,
        description: None,
        deprecated: None,
        variables: Cow::Owned(vec![]),
        endpoints: Cow::Owned(vec![
            EndpointDef {
                name: s("token"),
                url: tpl("https://auth.example.com/oauth/token"),
                method: Method::Post,
            },
            EndpointDef {
                name: s("api"),
                url: tpl("https://api.example.com/api"),
                method: Method::Get,
            },
        ]),
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
            extra_fields: Cow::Owned(vec![]),
            scope_separator: s(" "),
            success_when: None,
        },
        grants: GrantsDef {
            authorization_code: None,
            pin: None,
            refresh_token: Some(RefreshDef {
                token_endpoint: s("token"),
                rotates: true,
                send_scope: false,
            }),
            client_credentials: Some(ClientCredentialsDef {
                token_endpoint: s("token"),
                params_in: ParamsIn::Body,
                reuses_token: false,
            }),
            device_code: None,
            custom: Cow::Owned(vec![]),
        },
        lifetimes: LifetimesDef {
            authorization_code: None,
            pin_code: None,
            access_token: Some(Lifetime::Secs(3600)),
            refresh_token: Some(Lifetime::Never),
            refresh_skew_secs: 60,
        },
        limits: Cow::Owned(limits),
        scopes: None,
        errors: Cow::Owned(vec![]),
    };
    Box::leak(Box::new(d))
}

/// A token set with a refresh token, living `secs`.
pub fn set(access: &str, refresh: Option<&str>, secs: u64) -> TokenSet {
    let mut t = TokenSet::bearer(access, Some(Duration::from_secs(secs)));
    t.refresh_token = refresh.map(RefreshToken::new);
    t
}

/// A fetcher answering from a script (then minting `gen-N` tokens), counting calls, and
/// recording the refresh token each call was given.
#[derive(Clone, Default)]
pub struct Scripted {
    pub script: Arc<Mutex<VecDeque<Result<TokenSet, Error>>>>,
    pub calls: Arc<AtomicU64>,
    pub delay: Duration,
    pub lifetime: u64,
    pub seen_refresh: Arc<Mutex<Vec<Option<String>>>>,
}

impl Scripted {
    pub fn new(lifetime: u64) -> Scripted {
        Scripted {
            lifetime,
            ..Scripted::default()
        }
    }
    pub fn with_delay(mut self, d: Duration) -> Scripted {
        self.delay = d;
        self
    }
    pub fn push(&self, r: Result<TokenSet, Error>) {
        self.script.lock().unwrap().push_back(r);
    }
    pub fn calls(&self) -> u64 {
        self.calls.load(Ordering::SeqCst)
    }
}

impl TokenFetcher for Scripted {
    fn fetch<'a>(
        &'a self,
        current: Option<&'a TokenSet>,
    ) -> BoxFuture<'a, Result<TokenSet, Error>> {
        Box::pin(async move {
            let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
            self.seen_refresh.lock().unwrap().push(
                current
                    .and_then(|c| c.refresh_token.as_ref())
                    .map(|r| r.secret().to_string()),
            );
            if !self.delay.is_zero() {
                tokio::time::sleep(self.delay).await;
            }
            let next = self.script.lock().unwrap().pop_front();
            match next {
                Some(r) => r,
                None => Ok(set(&format!("gen-{n}"), None, self.lifetime)),
            }
        })
    }
}
