//! How long a fetched document (discovery, JWKS) is kept: the server's `Cache-Control:
//! max-age` (less `Age`), within bounds, or a default.
//!
//! It must never let a server make us refetch on every call (`no-cache`, `max-age=0`) nor keep
//! a document forever (`max-age=31536000`): both are clamped.

use std::time::Duration;

use reqwest::header::{HeaderMap, AGE, CACHE_CONTROL};

/// Bounds for how long a document is cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachePolicy {
    /// When the server sends no usable `max-age`.
    pub default_ttl: Duration,
    /// The shortest time a document is kept, whatever the server says (also for `no-cache`
    /// and `no-store`: refetching on every use would hammer the server).
    pub min_ttl: Duration,
    /// The longest time a document is kept.
    pub max_ttl: Duration,
}

impl Default for CachePolicy {
    /// One hour by default, between one minute and one day.
    fn default() -> Self {
        CachePolicy {
            default_ttl: Duration::from_secs(3600),
            min_ttl: Duration::from_secs(60),
            max_ttl: Duration::from_secs(86_400),
        }
    }
}

impl CachePolicy {
    /// How long to keep a document that came with `headers`.
    pub fn ttl(&self, headers: &HeaderMap) -> Duration {
        let (min, max) = (self.min_ttl, self.max_ttl.max(self.min_ttl));
        let mut max_age = None;
        let mut uncacheable = false;
        for value in headers.get_all(CACHE_CONTROL) {
            let Ok(value) = value.to_str() else { continue };
            for directive in value.split(',') {
                let directive = directive.trim();
                let (name, arg) = match directive.split_once('=') {
                    Some((n, a)) => (n.trim(), Some(a.trim().trim_matches('"'))),
                    None => (directive, None),
                };
                if name.eq_ignore_ascii_case("no-store") || name.eq_ignore_ascii_case("no-cache") {
                    uncacheable = true;
                } else if name.eq_ignore_ascii_case("max-age") {
                    max_age = arg.and_then(|a| a.parse::<u64>().ok());
                }
            }
        }
        if uncacheable {
            return min;
        }
        let Some(max_age) = max_age else {
            return self.default_ttl.clamp(min, max);
        };
        let age = headers
            .get(AGE)
            .and_then(|a| a.to_str().ok())
            .and_then(|a| a.trim().parse::<u64>().ok())
            .unwrap_or(0);
        Duration::from_secs(max_age.saturating_sub(age)).clamp(min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn ttl(values: &[(&'static str, &'static str)]) -> Duration {
        let mut headers = HeaderMap::new();
        for (name, value) in values {
            headers.append(*name, HeaderValue::from_static(value));
        }
        CachePolicy::default().ttl(&headers)
    }

    #[test]
    fn max_age_within_bounds() {
        assert_eq!(
            ttl(&[("cache-control", "public, max-age=600")]),
            Duration::from_secs(600)
        );
        assert_eq!(
            ttl(&[("cache-control", "max-age=600"), ("age", "100")]),
            Duration::from_secs(500)
        );
        assert_eq!(
            ttl(&[("cache-control", "max-age=0")]),
            Duration::from_secs(60)
        );
        assert_eq!(
            ttl(&[("cache-control", "max-age=31536000")]),
            Duration::from_secs(86_400)
        );
    }

    #[test]
    fn no_cache_means_the_minimum_and_nothing_means_the_default() {
        assert_eq!(
            ttl(&[("cache-control", "no-cache, max-age=600")]),
            Duration::from_secs(60)
        );
        assert_eq!(
            ttl(&[("cache-control", "no-store")]),
            Duration::from_secs(60)
        );
        assert_eq!(ttl(&[]), Duration::from_secs(3600));
        assert_eq!(
            ttl(&[("cache-control", "max-age=soon")]),
            Duration::from_secs(3600)
        );
    }
}
