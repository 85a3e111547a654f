//! Following the clock of an `oauth serve` simulator.
//!
//! The simulator's clock is moved by its admin API (`POST /sim/admin/clock/advance`), so a
//! test suite can make a token expire without waiting. A client going by the system clock
//! would not see it: it would keep printing a token the simulator now refuses. So when a
//! login's `--origin` is a loopback address and its admin API answers
//! `GET /sim/admin/clock`, the commands go by the system clock moved forward by the
//! simulator's `elapsed_ms`. Nothing else is ever asked of the origin, and an origin that is
//! not loopback (or not a simulator: any other answer) is left alone.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use oauth_runtime::Clock;

/// The system clock, `ahead` in the future.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ahead(pub(crate) Duration);

impl Clock for Ahead {
    fn now(&self) -> Instant {
        Instant::now()
            .checked_add(self.0)
            .unwrap_or_else(Instant::now)
    }

    fn wall(&self) -> SystemTime {
        SystemTime::now()
            .checked_add(self.0)
            .unwrap_or_else(SystemTime::now)
    }
}

/// How far ahead the simulator at `origin` runs, when `origin` is a loopback simulator whose
/// clock was moved; `None` otherwise (not loopback, not a simulator, no answer in 2 s).
pub(crate) async fn offset(origin: &url::Url) -> Option<Duration> {
    let loopback = match origin.host()? {
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
    };
    if !loopback {
        return None;
    }
    let url = origin.join("/sim/admin/clock").ok()?;
    let http = oauth_runtime::__private::reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .ok()?;
    let answer = http.get(url).send().await.ok()?;
    if !answer.status().is_success() {
        return None;
    }
    let body: serde_json::Value = answer.json().await.ok()?;
    let ms = body.get("elapsed_ms")?.as_u64()?;
    (ms > 0).then(|| Duration::from_millis(ms))
}

/// The clock to go by for `origin`: the simulator's when it is one whose clock moved.
pub(crate) async fn for_origin(origin: Option<&url::Url>) -> Option<Arc<dyn Clock>> {
    let ahead = offset(origin?).await?;
    Some(Arc::new(Ahead(ahead)))
}

/// Now, as the provider at `origin` (a login's `--origin`) sees it.
pub(crate) async fn now_at(origin: Option<&str>) -> SystemTime {
    let origin = origin.and_then(|o| url::Url::parse(o).ok());
    match for_origin(origin.as_ref()).await {
        Some(clock) => clock.wall(),
        None => SystemTime::now(),
    }
}
