//! A local OAuth provider simulator driven by the same description as the generated clients.
//!
//! [`Simulator::start`] takes any [`ProviderDef`] (or [`Simulator::from_spec_file`] a YAML
//! spec) and serves that provider on `127.0.0.1`: authorize, token, revoke, device
//! authorization, custom token requests, the follow-up calls that yield connection values and
//! a sample protected API, with the provider's lifetimes, limits, quirks and *exact* error
//! formats. Time is a [`Clock`] the test moves by hand, so a two-minute code lifetime or a
//! ten-minute block is tested in microseconds.
//!
//! Everything here is plain HTTP: the tests in `tests/` drive it with raw requests, and they
//! are the contract for clients in other languages.
//!
//! # Routing
//!
//! Each endpoint is served at the **path** of its URL template, rendered with the def's
//! default variable values (or the first choice, or the example). A client points its origin
//! override at [`Simulator::origin`] and keeps its paths. A connection value at the start of a
//! template (`{connection.instance_url}/services/data`) is the origin and is dropped; one
//! inside the path (`/v3/company/{connection.realm_id}`) matches any segment, and the
//! sample API then checks that it is the token's; `{token}` in a revocation path takes the
//! token being revoked (as does one more segment after a revocation path, Nest's
//! `DELETE .../access_tokens/<token>`). The sample API answers at the `api`
//! endpoint's path followed by `/sim/me` (any method) with `{"user": .., "scopes": [..],
//! "connection": {..}}`. Every method an endpoint lists is accepted. A def with a device grant
//! also gets the user's verification page at `/sim/device`
//! (`endpoint_url("device_verification")`). Every request and its answer is kept for tests to
//! inspect ([`Simulator::requests`]).
//!
//! # Clients
//!
//! [`Simulator::register_client`] registers an id, a secret and redirect URIs; an empty secret
//! makes a public client. [`Simulator::register_client_key`] gives a registered client its
//! public key, for `private_key_jwt` and `signed_client_secret`, as a **JWK** (RFC 7517): an
//! RSA key (`n`, `e`), a P-256 key (`crv: P-256`, `x`, `y`) or an Ed25519 key (`crv: Ed25519`,
//! `x`), with an optional `kid` that JWT headers must then name (Apple's must name it). JWK
//! rather than PEM: it is what provider consoles and JWKS documents hand out, it names its
//! key type and id, and `ring` verifies from its raw components, so no ASN.1 is parsed here.
//! A client with a key and no secret is not a public client.
//!
//! # What is enforced, and why
//!
//! The simulator refuses what the real provider refuses, answering with the provider's error
//! body, so a client that works against it is right about the provider and not merely about
//! RFC 6749. The defaults are the provider's behaviour; where the model cannot say what the
//! provider does, the behaviour chosen is written here.
//!
//! **Requests.**
//! - `token_request.body: json`: token requests must be a JSON object (of strings, numbers or
//!   booleans); a form body is refused. With `form`, a JSON body is refused: its parameters
//!   would not be read. Other endpoints read either.
//! - `token_request.headers` on token requests and `api.headers` on API calls: each declared
//!   header must be sent with its rendered value (templates over the variables' default
//!   values, the client id and, for API calls, the token's connection values); absent or
//!   different is the provider's `bad_request` error (`access_denied` for a connection value
//!   that is not the token's, as Xero's tenant check).
//! - `param_names`: only the provider's spelling is read (TikTok's `client_key`); the
//!   standard name it renamed is ignored, so a request that uses it lacks the parameter. A
//!   parameter the provider leaves out (`response_type: null`) is neither read nor required.
//! - `api.user_agent: required`: API calls without a `User-Agent` are refused (GitHub,
//!   Reddit).
//! - Fixed parameters (authorize `params`, `token_params`, refresh, client-credentials and
//!   device `params`) are recorded with the request ([`RecordedRequest::param`]). The model
//!   cannot say which of them the provider itself requires (Google's `access_type` and
//!   Shopify's `expiring` are optional there), so they are required, with exactly their
//!   rendered values, only once [`Simulator::set_strict_params`] is on. `access_type`, fixed
//!   or an extra parameter, gates refresh tokens: only `offline` gets one.
//!
//! **Client authentication** (`client_auth`), at the token and device endpoints.
//! - `basic`: only `Authorization: Basic` is read; the id and secret are decoded as
//!   `basic_encoding` says: `form` form-decodes both (RFC 6749 §2.3.1, so a raw `+` is a
//!   space and `%2B` a plus), `raw` takes them as they are. The other encoding is refused.
//! - `request_body`: the body (Basic still works, as at Nest); `query`: the query string (or
//!   the body, as at Zoho).
//! - `none`: `client_id` only; a client secret sent along is refused (a public client has
//!   none to leak).
//! - `public`: a client registered without a secret or key authenticates with this method.
//!   Without `public`, such a client is accepted wherever the method puts the id (as before).
//!   A public client (method `none`, or `public` used) must send a PKCE challenge unless the
//!   spec says `pkce: unsupported`.
//! - `private_key_jwt` and `client_secret_jwt` (RFC 7523 §2.2, §3): `client_assertion_type`
//!   is the JWT-bearer URN; the header's `alg` is the spec's algorithm (never `none`); the
//!   signature verifies (with `ring`) under the registered key or, for HS256, the secret;
//!   `iss` and `sub` are the client id unless the spec templates them; `aud` is (or holds)
//!   the spec's audience, by default the token endpoint's URL (the spec's or the
//!   simulator's); `exp` is in the future and no further than the spec's JWT lifetime (plus
//!   60 s of clock skew); `nbf` and `iat` are not in the future; a `jti` is single use.
//! - `signed_client_secret` (Sign in with Apple): `client_secret` is such a JWT (ES256 by
//!   default), checked the same way except that it is reused for its whole lifetime (up to
//!   six months), and its `kid` must be the registered key's.
//!
//! **Authorization.** The client and an explicit `redirect_uri` must be registered;
//! `response_type=code` is required on the redirect flow where the provider has one; `state`
//! and PKCE (`S256`, `plain`) as the grant says. The scope parameters are the scopes
//! section's `params`: the first (`scope`) scopes the token, each further one (Slack's
//! `user_scope`) the secondary token set of the same position. The answer goes back as the
//! grant's `response_mode` says: a `302` with the parameters in the query, or (`form_post`,
//! Apple) an HTML page whose form POSTs them to the redirect URI as soon as it loads. It
//! carries `code`, `state`, the callback parameters that select a variable (Zoho's
//! `accounts-server`), the connection values `from: callback` (QuickBooks' `realmId`) and,
//! with `hmac` (Shopify), `shop` (the authorize host), `timestamp` and the HMAC-SHA256, keyed
//! with the client secret, of every other parameter sorted by name and joined as `k=v` with
//! `&`, in the spec's encoding.
//!
//! **Grants.** Codes: lifetime, single use, bound to the client and to an explicit redirect
//! URI, PKCE. Refresh: the spec's `grant_type` and `token_param`; `renew_with: access_token`
//! (Facebook) exchanges a live access token of the client for a new one and no refresh token
//! is ever issued; `send_redirect_uri` (GitLab) requires the redirect URI of the original
//! authorization; `rotates` replaces the refresh token; `reuses_token` (Strava) hands back
//! the same access token, with what is left of its lifetime, while it is valid. Client
//! credentials: the spec's `grant_type`; `reuses_token` as above. Device (RFC 8628):
//! `authorization_pending` until the user decides (the verification page applies the current
//! [`Consent`]; [`Simulator::approve_device`] decides directly), `slow_down`, `expired_token`
//! after the `device_code` lifetime, `access_denied`.
//!
//! **Token responses** follow `token_response`: field names are dotted paths (nested
//! objects); `token_type` is the provider's first `token_types` entry (`Bearer` when none;
//! the secondary sets take the following entries); a token that never expires gets
//! `expires_in: 0` where `expires_in_zero: never` (Mailchimp), ten years otherwise (Nest's
//! observed value); `fields.expires_at` carries the absolute expiry in `expires_at_format`
//! (Strava); `fields.refresh_token_expires_in` what is left of the refresh token's life;
//! `scope_format: array` sends a JSON array (Twitch); `secondary` sets (Slack's
//! `authed_user`) are nested at their path with the same field names; connection values
//! `from: token_response` are put at their field, in every response that carries tokens.
//!
//! **Connection values** are drawn once per authorization, to match their `format` (a value
//! set with [`Simulator::set_connection_value`] wins), and kept with the tokens. A
//! `from: token_response` value is the simulator's own origin when the format allows it. A
//! value that becomes an endpoint's host (Salesforce's `instance_url`) must be `https://`
//! (the validator insists) while the simulator speaks plain HTTP, so it is drawn from its
//! format (`https://x7k2.my.salesforce.com`) and a client that follows it reaches the
//! simulator through its origin override: the simulator routes by path, and serves the
//! endpoint at the path after the host. A `from: request` value is served at its endpoint's path (Xero's `GET /connections`): with
//! the access token presented as the API wants it, the answer is the JSON that `select`
//! reads (`*.tenantId` gives `[{"tenantId": ".."}]`).
//!
//! **The sample API** takes the token as `token_presentation` says (any header with any
//! scheme or a bare token, query parameters, or none at all), then the checks above
//! (`User-Agent`, `api.headers`, connection values in the path).
//!
//! **Errors** are synthesised from the def's error rules: the rule for the meaning at the
//! site (and, for a rule with `grant`, only for that grant's responses), a body that the
//! rule's own tests accept (`equals`/`one_of`, `starts_with`, `contains`, `between`,
//! `absent`), and the rule's `status`. A rule without a `status` is sent with 200, the
//! hardest case for a client (Zoho sends its errors so). A limit that names its error rule
//! answers with that rule. Without a rule, RFC 6749 §5.2 JSON.
//!
//! **Limits**: every [`oauth_model::LimitDef`]: rate windows with blocks, quotas, caps with
//! eviction or refusal, and concurrency caps on API calls in flight
//! ([`Simulator::set_api_latency`] keeps calls in flight long enough to overlap).
//!
//! **Secrets** (client secrets, tokens, assertions) never reach `Debug` output or logs:
//! [`RecordedRequest`]'s `Debug` lists parameter and header names without their values.
//! Requests never make the simulator panic: what it cannot parse is a `400`.
//!
//! # Modules
//!
//! `state` (memory and the clock), `secret` (redacted strings), `limits`, `fields`
//! (body paths and field tests), `formats` (values that match a spec's `format`),
//! `crypto` (keys, JWT verification and HMACs on `ring`), `render` (bodies in the
//! provider's formats) and `routes` (one submodule per endpoint kind).
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

mod admin;
mod crypto;
mod fields;
mod formats;
mod limits;
mod oidc;
mod render;
mod routes;
mod secret;
mod state;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use oauth_model::{Capped, Counted, ProviderDef};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use oidc::{IdTokenTamper, JWKS_PATH};
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
    /// A client key could not be registered: the client is unknown or the JWK unusable.
    Key(String),
    /// A connection value cannot be served: its format admits no value the simulator can
    /// draw, the name is unknown, or a value set for it does not match its format.
    Connection(String),
    /// The spec's `oidc:` issuer does not render, or no signing key could be made.
    Oidc(String),
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
            SimError::Key(e) => write!(f, "cannot register the client key: {e}"),
            SimError::Connection(e) => write!(f, "connection value: {e}"),
            SimError::Oidc(e) => write!(f, "OpenID provider: {e}"),
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

/// How [`Simulator::serve`] listens: the address (`127.0.0.1` and a free port unless set) and
/// whether the admin HTTP API is served.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    addr: SocketAddr,
    admin_api: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            admin_api: false,
        }
    }
}

impl ServeOptions {
    /// `127.0.0.1`, a free port, no admin API.
    pub fn new() -> ServeOptions {
        ServeOptions::default()
    }

    /// Listens on `port` (0: a free one).
    pub fn port(mut self, port: u16) -> ServeOptions {
        self.addr.set_port(port);
        self
    }

    /// Listens on `ip` instead of `127.0.0.1`. The simulator has no authentication of its
    /// own: an address other than loopback lets anyone who reaches it drive it.
    pub fn ip(mut self, ip: IpAddr) -> ServeOptions {
        self.addr.set_ip(ip);
        self
    }

    /// Serves the admin HTTP API under `/sim/admin` (clients, keys, consent, the clock,
    /// stats and recorded requests as JSON: see the README), for test suites in any
    /// language.
    pub fn admin_api(mut self, on: bool) -> ServeOptions {
        self.admin_api = on;
        self
    }
}

/// A registered client as [`Simulator::clients`] lists it (no secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientInfo {
    /// The client id.
    pub client_id: String,
    /// Registered without a secret or key.
    pub public: bool,
    /// The redirect URIs, as registered.
    pub redirect_uris: Vec<String>,
}

impl Simulator {
    /// Serves `def` on `127.0.0.1` at a free port. Must be called inside a Tokio runtime.
    pub fn start(def: ProviderDef) -> Result<Simulator, SimError> {
        Simulator::serve(def, ServeOptions::default())
    }

    /// Serves `def` as `options` say. Must be called inside a Tokio runtime. On an
    /// unspecified address (`0.0.0.0`), [`Simulator::origin`] names `127.0.0.1`.
    pub fn serve(def: ProviderDef, options: ServeOptions) -> Result<Simulator, SimError> {
        let handle = tokio::runtime::Handle::try_current().map_err(|_| SimError::NoRuntime)?;
        let std_listener = std::net::TcpListener::bind(options.addr)?;
        std_listener.set_nonblocking(true)?;
        let mut addr = std_listener.local_addr()?;
        if addr.ip().is_unspecified() {
            addr.set_ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
        }
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
        let formats = routes::check_formats(&def).map_err(SimError::Connection)?;
        let oidc = oidc::Oidc::new(&def).map_err(SimError::Oidc)?;
        let app = Arc::new(App {
            oidc,
            routes: routes::build_routes(&def),
            def,
            state: Mutex::new(State::default()),
            clock: Clock::default(),
            start_unix,
            origin: origin.as_str().trim_end_matches('/').to_string(),
            formats,
            admin_api: options.admin_api,
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
    /// `api`, the sample `/sim/me` resource). A connection value inside the path shows as
    /// `{name}` (percent-encoded): put the token's value there.
    pub fn endpoint_url(&self, name: &str) -> Option<url::Url> {
        let route = self.app.routes.iter().find(|r| r.name == name)?;
        self.origin.join(&route.path).ok()
    }

    /// The provider being served.
    pub fn def(&self) -> &ProviderDef {
        &self.app.def
    }

    /// For a spec with `oidc:`, the issuer its ID tokens and metadata name: the spec's
    /// issuer rendered with the variables' defaults (or examples), so a client built with
    /// those values and pointed here with its origin override finds what it expects.
    /// `None` for a plain OAuth provider.
    pub fn issuer(&self) -> Option<&str> {
        self.app.oidc.as_ref().map(|o| o.issuer.as_str())
    }

    /// Makes the next ID token the simulator issues fail one check (see [`IdTokenTamper`]),
    /// to prove a client refuses it; the tokens after it are sound again.
    pub fn tamper_next_id_token(&self, tamper: IdTokenTamper) {
        self.app.lock().id_token_tamper = Some(tamper);
    }

    /// Registers (or replaces) a client. An empty secret makes a public client, unless the
    /// client is then given a key ([`Simulator::register_client_key`]).
    pub fn register_client<I, S>(&self, client_id: &str, secret: &str, redirect_uris: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        register_client(
            &self.app,
            client_id,
            secret,
            redirect_uris.into_iter().map(Into::into).collect(),
        );
    }

    /// Every registered client, by id (secrets are not shown).
    pub fn clients(&self) -> Vec<ClientInfo> {
        let st = self.app.lock();
        let mut out: Vec<ClientInfo> = st
            .clients
            .iter()
            .map(|(id, c)| ClientInfo {
                client_id: id.clone(),
                public: c.is_public(),
                redirect_uris: c.redirect_uris.clone(),
            })
            .collect();
        out.sort_by(|a, b| a.client_id.cmp(&b.client_id));
        out
    }

    /// Every endpoint the simulator serves, by name (`authorize`, `token`, ..., and its own
    /// `device_verification` and `consent` pages), with its URL.
    pub fn endpoints(&self) -> Vec<(String, url::Url)> {
        self.app
            .routes
            .iter()
            .filter_map(|r| Some((r.name.clone(), self.origin.join(&r.path).ok()?)))
            .collect()
    }

    /// Gives registered client `client_id` its public key, a JWK (RFC 7517: `kty` `RSA` with
    /// `n` and `e`, `EC` with `crv: P-256`, `x` and `y`, or `OKP` with `crv: Ed25519` and `x`;
    /// an optional `kid` that JWT headers must then name), replacing any key it had. The
    /// client then authenticates with JWTs it signs (`private_key_jwt`,
    /// `signed_client_secret`); a client with a key is not a public client even without a
    /// secret. Fails for an unknown client, a private key, or a key `ring` cannot verify
    /// with (RSA outside 2048 to 8192 bits, other curves).
    pub fn register_client_key(&self, client_id: &str, jwk: &str) -> Result<(), SimError> {
        register_key(&self.app, client_id, jwk)
    }

    /// Requires, from now on, every fixed parameter the def declares (authorize `params`, the
    /// code exchange's `token_params`, the refresh, client-credentials and device grants'
    /// `params`), with exactly its rendered value; a request without it gets the provider's
    /// `bad_request` error. Off by default, since the model does not say which of them the
    /// provider itself requires; either way they are recorded ([`RecordedRequest::param`]).
    pub fn set_strict_params(&self, strict: bool) {
        self.app.lock().strict_params = strict;
    }

    /// Hands out `value` for connection value `name` in the authorizations that follow,
    /// instead of a drawn one. Fails when the def has no such value or `value` does not match
    /// its format (a client would refuse it).
    pub fn set_connection_value(&self, name: &str, value: &str) -> Result<(), SimError> {
        set_connection_value(&self.app, name, value)
    }

    /// The simulator's wall clock, in unix seconds: its start time plus the simulated
    /// [`Clock`]. JWT times (`exp`, `iat`), `expires_at` fields and redirect `timestamp`s
    /// are read and written in it, so advancing the clock expires a client assertion too.
    pub fn now_unix(&self) -> u64 {
        self.app.now_unix()
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

/// Registers (or replaces) a client (see [`Simulator::register_client`]).
pub(crate) fn register_client(
    app: &App,
    client_id: &str,
    secret: &str,
    redirect_uris: Vec<String>,
) {
    let client = Client {
        secret: secret::Secret::new(secret),
        key: None,
        active: true,
        redirect_uris,
    };
    app.lock().clients.insert(client_id.to_string(), client);
}

/// Gives a registered client its public key (see [`Simulator::register_client_key`]).
pub(crate) fn register_key(app: &App, client_id: &str, jwk: &str) -> Result<(), SimError> {
    let key = crypto::jwk::ClientKey::from_jwk(jwk).map_err(SimError::Key)?;
    match app.lock().clients.get_mut(client_id) {
        Some(client) => {
            client.key = Some(key);
            Ok(())
        }
        None => Err(SimError::Key(format!(
            "no client `{client_id}` is registered"
        ))),
    }
}

/// Sets a connection value (see [`Simulator::set_connection_value`]).
pub(crate) fn set_connection_value(app: &App, name: &str, value: &str) -> Result<(), SimError> {
    let def = &app.def;
    let Some((i, _)) = def.connection_value(name) else {
        return Err(SimError::Connection(format!(
            "the provider has no connection value `{name}`"
        )));
    };
    if !app.formats.get(i).is_some_and(|f| f.matches(value)) {
        return Err(SimError::Connection(format!(
            "`{value}` does not match the format of `{name}`"
        )));
    }
    app.lock()
        .connection_values
        .insert(name.to_string(), value.to_string());
    Ok(())
}

/// Loads and validates a spec file into a [`ProviderDef`].
fn load_def(path: &Path) -> Result<ProviderDef, SimError> {
    let loaded = oauth_codegen::load::load_file(path).map_err(SimError::Spec)?;
    oauth_codegen::validate::validate(&loaded).map_err(SimError::Spec)
}
