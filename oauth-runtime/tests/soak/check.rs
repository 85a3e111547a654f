//! The soak's checks and its summary tables.

use std::time::{Duration, SystemTime};

use super::{unix_us, Endpoint, FetchRecord, Outcome, Seen, GAP_TOLERANCE};

/// The soak's parameters, for the checks and the summary.
#[derive(Debug, Clone)]
pub struct Plan {
    pub title: &'static str,
    /// When the workers were told to start.
    pub start: SystemTime,
    pub workers: u32,
    pub run: Duration,
    pub lifetime: Duration,
    pub skew: Duration,
}

impl Plan {
    /// Issued tokens allowed: `ceil(run / (lifetime - skew)) + 1`.
    pub fn max_windows(&self) -> u64 {
        let usable = (self.lifetime - self.skew).as_secs_f64();
        (self.run.as_secs_f64() / usable).ceil() as u64 + 1
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Signed milliseconds between two Unix-microsecond instants (`b - a`).
fn ms_between(a: u64, b: u64) -> String {
    format!("{:.1}", (b as f64 - a as f64) / 1000.0)
}

/// Prints the summary tables, then asserts every property of the soak.
pub fn check(plan: &Plan, endpoint: &Endpoint, outcomes: &[Outcome]) {
    let fetches = fetches(outcomes);
    endpoint.seen(|seen| {
        print_summary(plan, seen, outcomes, &fetches);
        assert_soak(plan, seen, outcomes, &fetches);
    });
}

/// Every worker's fetches, by generation (failed ones last).
fn fetches(outcomes: &[Outcome]) -> Vec<FetchRecord> {
    let mut all: Vec<FetchRecord> = outcomes
        .iter()
        .filter_map(|o| o.report.as_ref())
        .flat_map(|r| r.fetches.iter().cloned())
        .collect();
    all.sort_by_key(|f| (f.gen.is_none(), f.gen, f.sent_us));
    all
}

fn print_summary(plan: &Plan, seen: &Seen, outcomes: &[Outcome], fetches: &[FetchRecord]) {
    println!();
    println!(
        "== {}: {} processes, {:.1} s, tokens live {} s, skew {} ms ==",
        plan.title,
        plan.workers,
        plan.run.as_secs_f64(),
        plan.lifetime.as_secs(),
        plan.skew.as_millis()
    );
    println!(
        "{:>6} {:>5} {:>9} {:>6} {:>7} {:>9} {:>7} {:>10} {:>12} {:>12}",
        "worker",
        "exit",
        "requests",
        "errors",
        "tok-err",
        "distinct",
        "gens",
        "refreshes",
        "endpoint-saw",
        "max-wait-ms"
    );
    let mut totals = (0u64, 0u64, 0u64, 0u64);
    for o in outcomes {
        let saw = seen.token_requests_by.get(&o.id).copied().unwrap_or(0);
        let exit = o.status.code().map_or("sig".into(), |c| c.to_string());
        match &o.report {
            Some(r) => {
                totals.0 += r.requests;
                totals.1 += r.errors;
                totals.2 += r.token_errors;
                totals.3 += r.refreshes;
                let gens = r.gens.map_or("-".to_string(), |(a, b)| format!("{a}..{b}"));
                println!(
                    "{:>6} {:>5} {:>9} {:>6} {:>7} {:>9} {:>7} {:>10} {:>12} {:>12}",
                    o.id,
                    exit,
                    r.requests,
                    r.errors,
                    r.token_errors,
                    r.distinct_tokens,
                    gens,
                    r.refreshes,
                    saw,
                    r.max_latency_ms
                );
            }
            None => println!("{:>6} {:>5} {:>9}", o.id, exit, "no report"),
        }
    }
    println!(
        "{:>6} {:>5} {:>9} {:>6} {:>7} {:>9} {:>7} {:>10} {:>12}",
        "total",
        "",
        totals.0,
        totals.1,
        totals.2,
        "",
        "",
        totals.3,
        seen.token_requests_by.values().sum::<u64>()
    );
    println!();
    // One row per token: when its request was sent (ms since the common start), by whom, how
    // long after the previous one, how much the previous one had left then by the expiry the
    // runtime computed for it, the request's latency to the endpoint, and its use at the API.
    println!(
        "{:>4} {:>9} {:>5} {:>8} {:>12} {:>10} {:>9} {:>13}",
        "gen", "sent-ms", "by", "gap-ms", "prev-left-ms", "arrive-ms", "api-calls", "min-margin-ms"
    );
    let start_us = unix_us(plan.start);
    let mut prev: Option<&FetchRecord> = None;
    for f in fetches {
        let Some(gen) = f.gen else {
            println!(
                "{:>4} {:>9} {:>5}  (failed)",
                "-",
                ms_between(start_us, f.sent_us),
                format!("w{}", f.worker)
            );
            continue;
        };
        let issued = seen.issued.iter().find(|t| t.gen == gen);
        let (gap, left) = match prev {
            Some(p) => (
                ms_between(p.sent_us, f.sent_us),
                p.expires_us
                    .map_or("-".into(), |e| ms_between(f.sent_us, e)),
            ),
            None => ("-".into(), "-".into()),
        };
        println!(
            "{:>4} {:>9} {:>5} {:>8} {:>12} {:>10} {:>9} {:>13}",
            gen,
            ms_between(start_us, f.sent_us),
            format!("w{}", f.worker),
            gap,
            left,
            issued.map_or("-".into(), |t| ms_between(f.sent_us, t.arrived_us)),
            issued.map_or(0, |t| t.calls),
            issued.and_then(|t| t.min_margin).map_or("-".into(), ms)
        );
        prev = Some(f);
    }
    let span = match (seen.first, seen.last) {
        (Some(a), Some(b)) => b - a,
        _ => Duration::ZERO,
    };
    println!();
    println!(
        "token requests: {} ({} issued, {} refused); windows: {} (allowed <= {}); \
         traffic span {:.2} s",
        seen.issued.len() as u64 + seen.refused,
        seen.issued.len(),
        seen.refused,
        seen.issued.len(),
        plan.max_windows(),
        span.as_secs_f64()
    );
    let min_margin = seen.issued.iter().filter_map(|t| t.min_margin).min();
    println!(
        "API: {} ok, {} with an expired token (worst {} ms late), {} with an unknown token; \
         smallest margin before expiry at the API: {} ms",
        seen.api_ok,
        seen.api_expired,
        ms(seen.worst_late),
        seen.api_unknown,
        min_margin.map_or("-".into(), ms)
    );
    println!(
        "token errors at the callers: {}; errors of any kind: {}",
        totals.2, totals.1
    );
    println!();
}

fn assert_soak(plan: &Plan, seen: &Seen, outcomes: &[Outcome], fetches: &[FetchRecord]) {
    assert_eq!(outcomes.len() as u32, plan.workers);
    let mut reports = Vec::new();
    for o in outcomes {
        assert!(
            o.status.success(),
            "worker {} exited with {}\nstdout:\n{}\nstderr:\n{}",
            o.id,
            o.status,
            o.stdout,
            o.stderr
        );
        let r = o.report.as_ref().unwrap_or_else(|| {
            panic!(
                "worker {} printed no report\nstdout:\n{}\nstderr:\n{}",
                o.id, o.stdout, o.stderr
            )
        });
        reports.push(r);
    }
    // Callers never see an error: not a token error, and nothing else either.
    for r in &reports {
        assert!(r.requests > 0, "worker {} sent nothing", r.id);
        assert_eq!(
            (r.errors, r.token_errors),
            (0, 0),
            "worker {} got errors; first: {:?}",
            r.id,
            r.first_error
        );
        assert_eq!(
            r.regressions, 0,
            "worker {} went back to an older token",
            r.id
        );
    }
    // The API never saw a token it had not issued, or one past its expiry: the skew is far
    // above loopback latency, so no request needs AuthorizedClient's renew-and-retry.
    assert_eq!(seen.api_unknown, 0, "API calls with an unknown token");
    assert_eq!(
        seen.api_expired, 0,
        "API calls with an expired token (worst {:?} late)",
        seen.worst_late
    );
    assert_eq!(seen.api_anonymous, 0);
    // No token request was refused (a second refresh with a rotated-away refresh token).
    assert_eq!(
        seen.refused, 0,
        "refused token requests: a refresh ran twice"
    );
    // At most one token per expiry window.
    let issued = seen.issued.len() as u64;
    assert!(issued >= 1, "no token was ever issued");
    assert!(
        issued <= plan.max_windows(),
        "{issued} tokens issued in {:?}; at most {} windows fit",
        plan.run,
        plan.max_windows()
    );
    // Every token came from exactly one fetch, which one worker counted.
    let minted: u64 = reports.iter().map(|r| r.refreshes).sum();
    assert_eq!(
        minted, issued,
        "refreshes the workers counted vs tokens issued"
    );
    for r in &reports {
        let saw = seen.token_requests_by.get(&r.id).copied().unwrap_or(0);
        assert_eq!(
            r.refreshes, saw,
            "worker {}: refreshes it counted vs token requests the endpoint saw from it",
            r.id
        );
    }
    let gens: Vec<Option<u64>> = fetches.iter().map(|f| f.gen).collect();
    let expected: Vec<Option<u64>> = (1..=issued).map(Some).collect();
    assert_eq!(gens, expected, "one successful fetch per issued token");
    // Each new token was asked for only once the previous one was within the skew of the
    // expiry the runtime computed for it (never two in one window), and before it expired.
    let skew_us = u64::try_from(plan.skew.as_micros()).unwrap_or(u64::MAX);
    let tol_us = u64::try_from(GAP_TOLERANCE.as_micros()).unwrap_or(u64::MAX);
    for pair in fetches.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        let expires = prev.expires_us.expect("the endpoint's tokens expire");
        assert!(
            next.sent_us + tol_us >= expires.saturating_sub(skew_us),
            "token {:?} was requested {} ms before token {:?} came within {:?} of its expiry",
            next.gen,
            ms_between(next.sent_us, expires.saturating_sub(skew_us)),
            prev.gen,
            plan.skew
        );
        assert!(
            next.sent_us < expires,
            "token {:?} was requested only {} ms after token {:?} expired",
            next.gen,
            ms_between(expires, next.sent_us),
            prev.gen
        );
    }
}
