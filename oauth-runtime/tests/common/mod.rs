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

/// A plain RFC 6749 provider (`tests/specs/plain.yaml`: token endpoint at
/// `https://auth.example.com/oauth/token`, API at `https://api.example.com/api`, request-body
/// client auth, Bearer tokens, JSON responses) named `name`, with the given limits.
pub fn def(name: &str, limits: Vec<LimitDef>) -> &'static ProviderDef {
    let mut d = oauth_testkit::spec::def_from_file("oauth-runtime/tests/specs/plain.yaml").clone();
    d.name = Cow::Owned(name.to_string());
    d.display_name = Cow::Owned(name.to_string());
    d.limits = Cow::Owned(limits);
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
