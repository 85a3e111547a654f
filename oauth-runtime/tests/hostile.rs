//! Numbers from a spec or a server that would overflow time arithmetic: none may panic.
//!
//! A definition built by hand (or by a tool that skips validation) may carry durations up to
//! `u64::MAX` seconds; a caller may hand the runtime `Duration::MAX`. Limits, caps, token
//! sets and clocks must clamp or refuse them, never panic.

mod common;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use oauth_runtime::limits::ManualClock;
use oauth_runtime::model::*;
use oauth_runtime::{RateLimiter, TokenCap, TokenSet, TokenSource};

fn huge_limits() -> Vec<LimitDef> {
    vec![
        LimitDef::Rate {
            counts: Counted::ApiCalls,
            max: 1,
            per_secs: u64::MAX,
            key: LimitKey::Client,
            block_for_secs: Some(u64::MAX),
            error: None,
            description: "one call per eternity".into(),
        },
        LimitDef::Cap {
            counts: Capped::AccessTokens,
            max: 1,
            key: LimitKey::RefreshToken,
            on_exceed: OnExceed::Reject,
            error: None,
            description: "one token".into(),
        },
    ]
}

#[test]
fn a_rate_limit_of_u64_max_seconds_refuses_without_panicking() {
    let def = common::def("Huge", huge_limits());
    let clock = Arc::new(ManualClock::new());
    let limiter = RateLimiter::with_clock(def, clock.clone());
    limiter.check(Counted::ApiCalls).expect("the first call");
    let refused = limiter.check(Counted::ApiCalls);
    assert!(refused.is_err());
    clock.advance(Duration::MAX);
    clock.advance(Duration::MAX);
    let _ = limiter.check(Counted::ApiCalls);
    let _ = limiter.remaining(Counted::ApiCalls);
}

#[test]
fn a_cap_whose_tokens_live_for_ever_refuses_without_panicking() {
    let mut def = common::def("HugeCap", huge_limits()).clone();
    def.lifetimes.access_token = Some(Lifetime::Secs(u64::MAX));
    let cap = TokenCap::from_def(&def).expect("a cap");
    assert!(cap.live_for.is_some());
    let tokens = TokenSet::bearer("a", Some(Duration::MAX));
    assert!(
        tokens.expires_at.is_some(),
        "Duration::MAX clamps, not never"
    );
    let _ = tokens.remaining(SystemTime::now());
    let _ = tokens.needs_refresh(SystemTime::now(), Duration::MAX);
}

#[tokio::test]
async fn a_source_with_huge_durations_everywhere_answers_without_panicking() {
    let mut def = common::def("HugeSource", huge_limits()).clone();
    def.lifetimes.access_token = Some(Lifetime::Secs(u64::MAX));
    def.lifetimes.refresh_skew_secs = u64::MAX;
    let def: &'static ProviderDef = Box::leak(Box::new(def));
    let fetcher = common::Scripted::new(u64::MAX);
    let source = TokenSource::builder("k", fetcher.clone())
        .skew(Duration::MAX)
        .lock_ttl(Duration::MAX)
        .cap(TokenCap::from_def(def).expect("cap"))
        .build();
    let mut t = TokenSet::bearer("a", Some(Duration::MAX));
    t.refresh_token = Some("r".into());
    let _ = source.set(t).await;
    let _ = source.token().await;
    let _ = source.token().await;
    let _ = source.live_tokens();
}
