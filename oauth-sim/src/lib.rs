//! A local OAuth provider simulator driven by the same description as the generated clients.
//!
//! [`Simulator::start`] takes any [`ProviderDef`] (or [`Simulator::from_spec_file`] a YAML
//! spec) and serves that provider on `127.0.0.1`: authorize, token, revoke, device
//! authorization, custom token requests and a sample protected API, with the provider's
//! lifetimes, limits and *exact* error formats. Time is a [`Clock`] the test moves by hand, so a two-minute code lifetime
//! or a ten-minute block is tested in microseconds.
//!
//! # Routing
//!
//! Each endpoint is served at the **path** of its URL template, rendered with the def's
//! default variable values (or the first choice, or the example). A client points its origin
//! override at [`Simulator::origin`] and keeps its paths. The sample API answers at the `api`
//! endpoint's path followed by `/sim/me` (any method) with `{"user": .., "scopes": [..]}`.
//! A def with a device grant also gets the user's verification page at `/sim/device`
//! (`endpoint_url("device_verification")`). Every request and its answer is kept for tests to
//! inspect ([`Simulator::requests`]).
//!
//! # What is enforced
//!
//! - client authentication where `client_auth` puts it;
//! - codes: lifetime, single use, bound to the client and to an explicit `redirect_uri`,
//!   PKCE (`S256` and `plain`) when a challenge was sent;
//! - `access_type=offline` gates refresh tokens when the grant declares that parameter;
//! - client credentials that `reuses_token` hand back the same token with what is left of
//!   its lifetime;
//! - the device grant (RFC 8628): `authorization_pending` until the user decides (the
//!   verification page applies the current [`Consent`]; [`Simulator::approve_device`] decides
//!   directly), `slow_down` for polls closer than the interval, `expired_token`,
//!   `access_denied`;
//! - every [`oauth_model::LimitDef`]: rate windows with blocks, quotas, caps with eviction or
//!   refusal, and concurrency caps on API calls in flight ([`Simulator::set_api_latency`]
//!   keeps calls in flight long enough to overlap);
//! - errors: synthesised from the def's error rules (status and body), falling back to
//!   RFC 6749 JSON for meanings the def has no rule for.
//!
//! # Example
//!
//! ```no_run
//! # async fn demo(def: oauth_model::ProviderDef) -> Result<(), oauth_sim::SimError> {
//! use oauth_sim::{Consent, Simulator};
//! use std::time::Duration;
//!
//! let sim = Simulator::start(def)?;
//! sim.register_client("id", "secret", ["http://localhost/cb"]);
//! sim.consent(Consent::Approve { user: "alice".into() });
//! // Point the client's origin override at `sim.origin()` and run the flow; then expire
//! // its access token without waiting an hour:
//! sim.clock().advance(Duration::from_secs(3601));
//! println!("codes issued: {}", sim.stats().codes_issued);
//! sim.shutdown().await;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod fields;
mod limits;
mod render;
mod routes;
mod state;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use oauth_model::{Capped, Counted, ProviderDef};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use state::{Clock, Consent, RecordedRequest, Stats};

use routes::App;
use state::{Client, DeviceStatus, State};

/// Why the simulator could not start.
#[derive(Debug)]
pub enum SimError {
    /// Not called inside a Tokio runtime.
    NoRuntime,
    /// Binding or serving failed.
    Io(std::io::Error),
    /// The spec file did not load or validate.
    Spec(oauth_codegen::Diagnostics),
    /// A URL could not be built.
    Url(String),
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::NoRuntime => {
                f.write_str("the simulator must be started inside a Tokio runtime")
            }
            SimError::Io(e) => write!(f, "simulator I/O error: {e}"),
            SimError::Spec(d) => write!(f, "invalid provider spec:\n{d}"),
            SimError::Url(e) => write!(f, "simulator URL error: {e}"),
        }
    }
}

impl std::error::Error for SimError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SimError::Io(e) => Some(e),
            SimError::Spec(d) => Some(d),
            _ => None,
        }
    }
}

impl From<std::io::Error> for SimError {
    fn from(e: std::io::Error) -> Self {
        SimError::Io(e)
    }
}

/// A running simulated provider. Dropping it stops the server.
#[derive(Debug)]
pub struct Simulator {
    app: Arc<App>,
    origin: url::Url,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Simulator {
    /// Serves `def` on `127.0.0.1` at a free port. Must be called inside a Tokio runtime.
    pub fn start(def: ProviderDef) -> Result<Simulator, SimError> {
        let handle = tokio::runtime::Handle::try_current().map_err(|_| SimError::NoRuntime)?;
        let std_listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let listener = {
            let _guard = handle.enter();
            tokio::net::TcpListener::from_std(std_listener)?
        };
        let origin =
            url::Url::parse(&format!("http://{addr}")).map_err(|e| SimError::Url(e.to_string()))?;
        let start_unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let app = Arc::new(App {
            routes: routes::build_routes(&def),
            def,
            state: Mutex::new(State::default()),
            clock: Clock::default(),
            start_unix,
        });
        let router = axum::Router::new()
            .fallback(routes::handle)
            .with_state(Arc::clone(&app));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = handle.spawn(async move {
            let serve = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::warn!("oauth-sim server stopped: {e}");
            }
        });
        Ok(Simulator {
            app,
            origin,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// Loads and validates the spec at `path`, then [`Simulator::start`]s it.
    pub fn from_spec_file(path: impl AsRef<Path>) -> Result<Simulator, SimError> {
        Simulator::start(load_def(path.as_ref())?)
    }

    /// `http://127.0.0.1:<port>`: the origin to point clients at.
    pub fn origin(&self) -> url::Url {
        self.origin.clone()
    }

    /// The full URL the simulator serves endpoint `name` at (`token`, `authorize`, ...; for
    /// `api`, the sample `/sim/me` resource).
    pub fn endpoint_url(&self, name: &str) -> Option<url::Url> {
        let route = self.app.routes.iter().find(|r| r.name == name)?;
        self.origin.join(&route.path).ok()
    }

    /// The provider being served.
    pub fn def(&self) -> &ProviderDef {
        &self.app.def
    }

    /// Registers (or replaces) a client. An empty secret makes a public client.
    pub fn register_client<I, S>(&self, client_id: &str, secret: &str, redirect_uris: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let client = Client {
            secret: secret.to_string(),
            active: true,
            redirect_uris: redirect_uris.into_iter().map(Into::into).collect(),
        };
        self.app
            .lock()
            .clients
            .insert(client_id.to_string(), client);
    }

    /// Marks a registered client active or not; an inactive client's token requests fail
    /// with the provider's `client_disabled` error (Nest: `403 client_not_active`).
    pub fn set_client_active(&self, client_id: &str, active: bool) {
        if let Some(c) = self.app.lock().clients.get_mut(client_id) {
            c.active = active;
        }
    }

    /// Registers a user and password for password-based custom grants (the legacy Zoho
    /// authtoken's `EMAIL_ID` / `PASSWORD`).
    pub fn register_user(&self, user: &str, password: &str) {
        self.app
            .lock()
            .users
            .insert(user.to_string(), password.to_string());
    }

    /// Marks a registered user's account registration as confirmed or not. An unconfirmed
    /// user's password-based custom grants (the legacy Zoho authtoken) fail with
    /// `CAUSE=ACCOUNT_REGISTRATION_NOT_CONFIRMED` once the password is right.
    pub fn set_user_confirmed(&self, user: &str, confirmed: bool) {
        let mut st = self.app.lock();
        if confirmed {
            st.unconfirmed_users.remove(user);
        } else {
            st.unconfirmed_users.insert(user.to_string());
        }
    }

    /// Deactivates a user: forgets their password (password-based custom grants then fail
    /// with `NO_SUCH_USER`) and ends every access and refresh token issued to them, as a
    /// provider does when an administrator deactivates an account. Returns how many tokens
    /// (access and refresh) were ended. Consent for the user is not affected: see
    /// [`Simulator::consent`].
    pub fn deactivate_user(&self, user: &str) -> usize {
        let mut st = self.app.lock();
        st.users.remove(user);
        st.unconfirmed_users.remove(user);
        let refresh: Vec<String> = st
            .refresh
            .iter()
            .filter(|(_, r)| r.user == user)
            .map(|(t, _)| t.clone())
            .collect();
        let before = st.access.len();
        for t in &refresh {
            st.revoke_refresh(t);
        }
        st.access.retain(|_, a| a.user != user);
        let ended = refresh.len() + (before - st.access.len());
        let State {
            access, cc_tokens, ..
        } = &mut *st;
        cc_tokens.retain(|_, t| access.contains_key(t));
        ended
    }

    /// Sets what the authorize endpoint does from now on.
    pub fn consent(&self, consent: Consent) {
        self.app.lock().consent = consent;
    }

    /// Issues a PIN for `user`, as the PIN page would show it. Any registered client may
    /// exchange it (`grant_type=authorization_code`, `code=<PIN>`).
    pub fn issue_pin(&self, user: &str) -> String {
        let mut st = self.app.lock();
        routes::issue_pin_locked(&self.app, &mut st, user)
    }

    /// Approves, as `user`, the pending device authorization (RFC 8628) whose user code is
    /// `user_code` (case and dashes do not matter), as the user would on the verification
    /// page; the device's next poll gets the tokens. `false` when no pending, unexpired
    /// authorization has that code. The page itself (`endpoint_url("device_verification")`,
    /// `?user_code=...`) decides by the current [`Consent`] instead.
    pub fn approve_device(&self, user_code: &str, user: &str) -> bool {
        let now = self.app.clock.now_ms();
        let status = DeviceStatus::Approved {
            user: user.to_string(),
        };
        routes::decide_device(&mut self.app.lock(), user_code, status, now)
    }

    /// Denies the pending device authorization whose user code is `user_code`: the device's
    /// next poll gets `access_denied`. `false` when there is no such pending authorization.
    pub fn deny_device(&self, user_code: &str) -> bool {
        let now = self.app.clock.now_ms();
        routes::decide_device(&mut self.app.lock(), user_code, DeviceStatus::Denied, now)
    }

    /// Makes every admitted call to the sample API take `latency` of *real* time before it is
    /// answered (zero unless set). Meanwhile the call is in flight and holds its slot of the
    /// def's concurrency caps (Marketo: 10 calls, then error 615), which is how a test gets
    /// calls to overlap. The simulated [`Clock`] does not move.
    pub fn set_api_latency(&self, latency: Duration) {
        self.app.lock().api_latency = latency;
    }

    /// How many sample-API calls are in flight now (admitted and not yet answered).
    pub fn api_calls_in_flight(&self) -> u32 {
        let st = self.app.lock();
        st.limits
            .in_flight(&self.app.def.limits, Capped::ConcurrentApiCalls)
    }

    /// Counts `calls` API calls as made now against every instance-wide API-call limit, as if
    /// they had been served, without making them: brings a daily quota (Marketo's 50,000,
    /// error 607) near its end in one step. The calls also count in shorter windows until
    /// those slide past them (advance the [`Clock`] beyond the rate window first).
    pub fn record_api_calls(&self, calls: usize) {
        let now = self.app.clock.now_ms();
        let keys = limits::Keys::default();
        self.app
            .lock()
            .limits
            .preload(&self.app.def.limits, Counted::ApiCalls, keys, now, calls);
    }

    /// Names the owner of a client (Marketo: the API-only user that owns the custom service).
    /// When the def declares no scopes, client-credentials token responses for this client
    /// carry it as `scope`, as Marketo's identity endpoint does (`"scope":
    /// "apis@acmeinc.com"`).
    pub fn set_client_owner(&self, client_id: &str, owner: &str) {
        self.app
            .lock()
            .owners
            .insert(client_id.to_string(), owner.to_string());
    }

    /// Lets at most `max_users` distinct users hold live tokens of client `client_id`. Past
    /// that, the authorize endpoint refuses a new user: the PIN page shows "connection to
    /// `company` is not available" (Nest's words), a redirect carries `access_denied`.
    pub fn set_user_quota(&self, client_id: &str, company: &str, max_users: usize) {
        self.app
            .lock()
            .user_quotas
            .insert(client_id.to_string(), (company.to_string(), max_users));
    }

    /// Every request answered so far (the latest 10,000), oldest first, with its answer.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.app.lock().requests.iter().cloned().collect()
    }

    /// The simulator's clock.
    pub fn clock(&self) -> &Clock {
        &self.app.clock
    }

    /// A snapshot of the counters.
    pub fn stats(&self) -> Stats {
        self.app.lock().stats.clone()
    }

    /// Stops the server and waits for it to finish.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Loads and validates a spec file into a [`ProviderDef`].
fn load_def(path: &Path) -> Result<ProviderDef, SimError> {
    let loaded = oauth_codegen::load::load_file(path).map_err(SimError::Spec)?;
    oauth_codegen::validate::validate(&loaded).map_err(SimError::Spec)
}
