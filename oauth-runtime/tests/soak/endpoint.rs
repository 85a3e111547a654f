//! The local token endpoint and protected API: issues tokens of a fixed lifetime (rotating
//! refresh tokens on the refresh grant), answers 401 for unknown or expired ones, and records
//! every token request and API call for the checks.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Form, Router};

use super::{unix_us, WORKER_HEADER};

/// One token the endpoint issued.
#[derive(Debug, Clone)]
pub struct Issued {
    /// 1, 2, ...
    pub gen: u64,
    /// When the request arrived, since the endpoint started.
    pub at: Duration,
    /// The same, Unix microseconds (the clock the workers' records use).
    pub arrived_us: u64,
    /// Who asked ([`WORKER_HEADER`]).
    pub worker: Option<u32>,
    /// API calls made with it, and the smallest time it had left at one of them.
    pub calls: u64,
    pub min_margin: Option<Duration>,
}

/// What the endpoint saw.
#[derive(Debug, Default)]
pub struct Seen {
    /// Every token issued, in order.
    pub issued: Vec<Issued>,
    /// Token requests refused (a stale refresh token: someone refreshed twice).
    pub refused: u64,
    /// Token requests per worker id.
    pub token_requests_by: BTreeMap<u32, u64>,
    /// API calls answered 200.
    pub api_ok: u64,
    /// API calls with a token the endpoint never issued (answered 401).
    pub api_unknown: u64,
    /// API calls with an expired token (answered 401), and by how much the worst was late.
    pub api_expired: u64,
    pub worst_late: Duration,
    /// API calls without a worker header (there should be none).
    pub api_anonymous: u64,
    /// First and last request of any kind, since the endpoint started.
    pub first: Option<Duration>,
    pub last: Option<Duration>,
}

struct State {
    start: Instant,
    lifetime: Duration,
    /// Access token → index into `seen.issued`.
    tokens: HashMap<String, usize>,
    /// The one refresh token the endpoint accepts now.
    refresh: Option<String>,
    seen: Seen,
}

impl State {
    fn touch(&mut self, now: Instant) -> Duration {
        let at = now.duration_since(self.start);
        self.seen.first.get_or_insert(at);
        self.seen.last = Some(at);
        at
    }
}

/// The local token endpoint and protected API.
#[derive(Clone)]
pub struct Endpoint {
    /// `http://127.0.0.1:port`.
    pub origin: String,
    /// Token lifetime (`expires_in`, whole seconds).
    pub lifetime: Duration,
    state: Arc<Mutex<State>>,
}

fn worker_of(headers: &HeaderMap) -> Option<u32> {
    headers
        .get(WORKER_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

fn json(
    status: StatusCode,
    body: serde_json::Value,
) -> (StatusCode, [(&'static str, &'static str); 1], String) {
    (
        status,
        [("content-type", "application/json")],
        body.to_string(),
    )
}

impl Endpoint {
    /// Starts it; tokens live `lifetime` (whole seconds, as `expires_in` says). With
    /// `refresh`, that is the refresh token it accepts first.
    pub async fn start(lifetime: Duration, refresh: Option<String>) -> Endpoint {
        Endpoint::start_slow(lifetime, refresh, Duration::ZERO).await
    }

    /// [`Endpoint::start`], but the token endpoint answers `delay` after it issued the token
    /// (and rotated the refresh token): a slow provider.
    pub async fn start_slow(
        lifetime: Duration,
        refresh: Option<String>,
        delay: Duration,
    ) -> Endpoint {
        assert_eq!(lifetime.subsec_nanos(), 0, "expires_in is whole seconds");
        let state = Arc::new(Mutex::new(State {
            start: Instant::now(),
            lifetime,
            tokens: HashMap::new(),
            refresh,
            seen: Seen::default(),
        }));
        let token_state = Arc::clone(&state);
        let api_state = Arc::clone(&state);
        let app = Router::new()
            .route(
                "/oauth/token",
                post(
                    move |headers: HeaderMap, Form(form): Form<HashMap<String, String>>| {
                        let state = Arc::clone(&token_state);
                        async move {
                            let answer = token(&state, &headers, &form);
                            tokio::time::sleep(delay).await;
                            answer
                        }
                    },
                ),
            )
            .route(
                "/api",
                get(move |headers: HeaderMap| {
                    let state = Arc::clone(&api_state);
                    async move { api(&state, &headers) }
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Endpoint {
            origin: format!("http://127.0.0.1:{port}"),
            lifetime,
            state,
        }
    }

    /// What it saw so far.
    pub fn seen<T>(&self, f: impl FnOnce(&Seen) -> T) -> T {
        f(&self.state.lock().unwrap().seen)
    }
}

fn token(
    state: &Mutex<State>,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> (StatusCode, [(&'static str, &'static str); 1], String) {
    let now = Instant::now();
    let mut st = state.lock().unwrap();
    let at = st.touch(now);
    let worker = worker_of(headers);
    if let Some(w) = worker {
        *st.seen.token_requests_by.entry(w).or_default() += 1;
    }
    let grant = form.get("grant_type").map(String::as_str);
    let rotate = match grant {
        Some("refresh_token") => {
            let given = form.get("refresh_token");
            if given.is_none() || given != st.refresh.as_ref() {
                st.seen.refused += 1;
                return json(
                    StatusCode::BAD_REQUEST,
                    serde_json::json!({"error": "invalid_grant",
                        "error_description": "refresh token already used"}),
                );
            }
            true
        }
        Some("client_credentials") => false,
        _ => {
            st.seen.refused += 1;
            return json(
                StatusCode::BAD_REQUEST,
                serde_json::json!({"error": "unsupported_grant_type"}),
            );
        }
    };
    let gen = st.seen.issued.len() as u64 + 1;
    let access = format!("at-{gen}-{:08x}", rand::random::<u32>());
    let idx = st.seen.issued.len();
    st.tokens.insert(access.clone(), idx);
    st.seen.issued.push(Issued {
        gen,
        at,
        arrived_us: unix_us(SystemTime::now()),
        worker,
        calls: 0,
        min_margin: None,
    });
    let mut body = serde_json::json!({
        "access_token": access,
        "token_type": "bearer",
        "expires_in": st.lifetime.as_secs(),
    });
    if rotate {
        let refresh = format!("rt-{gen}-{:08x}", rand::random::<u32>());
        st.refresh = Some(refresh.clone());
        body["refresh_token"] = serde_json::Value::String(refresh);
    }
    json(StatusCode::OK, body)
}

fn api(
    state: &Mutex<State>,
    headers: &HeaderMap,
) -> (StatusCode, [(&'static str, &'static str); 1], String) {
    let now = Instant::now();
    let mut st = state.lock().unwrap();
    let at = st.touch(now);
    if worker_of(headers).is_none() {
        st.seen.api_anonymous += 1;
    }
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let Some(&idx) = st.tokens.get(token) else {
        st.seen.api_unknown += 1;
        return json(
            StatusCode::UNAUTHORIZED,
            serde_json::json!({"error": "invalid_token"}),
        );
    };
    let lifetime = st.lifetime;
    let issued_at = st.seen.issued[idx].at;
    let expires = issued_at + lifetime;
    if at >= expires {
        st.seen.api_expired += 1;
        st.seen.worst_late = st.seen.worst_late.max(at - expires);
        return json(
            StatusCode::UNAUTHORIZED,
            serde_json::json!({"error": "invalid_token", "error_description": "expired"}),
        );
    }
    st.seen.api_ok += 1;
    let margin = expires - at;
    let t = &mut st.seen.issued[idx];
    t.calls += 1;
    t.min_margin = Some(t.min_margin.map_or(margin, |m| m.min(margin)));
    let gen = t.gen;
    json(StatusCode::OK, serde_json::json!({"gen": gen}))
}
