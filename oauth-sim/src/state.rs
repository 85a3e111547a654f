//! The simulator's memory: clients, users, codes, tokens and counters, plus the clock.
//!
//! Plain data and small helpers only. Nothing here knows HTTP or response formats (that is
//! [`crate::routes`] and [`crate::render`]) or limit policy (that is [`crate::limits`]).

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rand::distr::{Alphanumeric, SampleString};
use rand::Rng;

use crate::crypto::jwk::ClientKey;
use crate::limits::Limits;
use crate::secret::Secret;

/// The simulator's clock. It starts at zero and only moves when [`Clock::advance`] is called,
/// so every lifetime, rate window and block is deterministic in tests.
#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<AtomicU64>);

impl Clock {
    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.0.fetch_add(ms, Ordering::SeqCst);
    }

    /// Time elapsed on the simulated clock since the simulator started.
    pub fn now(&self) -> Duration {
        Duration::from_millis(self.0.load(Ordering::SeqCst))
    }

    pub(crate) fn now_ms(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// What the authorize endpoint does with the next authorization requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consent {
    /// The user signs in and approves: a code is issued for this user.
    Approve {
        /// The user who approves.
        user: String,
    },
    /// The user denies access: the redirect carries `error=access_denied`.
    Deny,
    /// The provider fails: the redirect carries `error=server_error`.
    ServerError,
    /// The user decides on the simulator's consent page: the authorize endpoint checks the
    /// request as always, then answers with an HTML page (sign in as a user, approve or
    /// deny) instead of deciding; the page's form posts the decision to `/sim/consent`. The
    /// PIN page and the device verification page ask the same way. What `oauth serve`
    /// starts with.
    Ask,
}

impl Default for Consent {
    fn default() -> Self {
        Consent::Approve {
            user: "alice".to_string(),
        }
    }
}

/// Counters of what the simulator has served.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Token-endpoint requests by `grant_type` (custom grants by their name), whether they
    /// succeeded or not.
    pub token_requests: BTreeMap<String, u64>,
    /// Authorization codes issued by the authorize endpoint.
    pub codes_issued: u64,
    /// PINs issued.
    pub pins_issued: u64,
    /// Successful refreshes.
    pub refreshes: u64,
    /// Access tokens minted (a reused client-credentials token is not counted again).
    pub access_tokens_issued: u64,
    /// Refresh tokens minted.
    pub refresh_tokens_issued: u64,
    /// Calls to the sample protected API.
    pub api_calls: u64,
    /// Successful revocations.
    pub revocations: u64,
    /// Device authorizations started (RFC 8628 §3.2 responses).
    pub device_codes_issued: u64,
}

/// A request the simulator answered, with its answer: what a test inspects to prove what a
/// client sent (method, where the credentials went, how the token was presented, which fixed
/// parameters and headers came along) and what the provider said back.
///
/// Its `Debug` shows parameter and header *names* only: their values hold secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The endpoint it was routed to, by spec name (`token`, `api`, ...); `None` when it
    /// matched none.
    pub endpoint: Option<String>,
    /// HTTP method.
    pub method: String,
    /// Path, without the query.
    pub path: String,
    /// Decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Decoded `application/x-www-form-urlencoded` body pairs, in order.
    pub form: Vec<(String, String)>,
    /// The members of an `application/json` body object (numbers and booleans as their
    /// text), by name.
    pub json: Vec<(String, String)>,
    /// Every header, names in lower case, in order (values that are not text left out).
    pub headers: Vec<(String, String)>,
    /// The `Authorization` header as sent.
    pub authorization: Option<String>,
    /// Status of the answer.
    pub status: u16,
    /// Body of the answer.
    pub body: String,
}

impl RecordedRequest {
    /// The first query value named `name`.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first form value named `name`.
    pub fn form_value(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The parameter `name` wherever it was sent: the body (form or JSON), else the query.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .chain(&self.json)
            .chain(&self.query)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl std::fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = |pairs: &[(String, String)]| -> Vec<String> {
            pairs.iter().map(|(k, _)| k.clone()).collect()
        };
        f.debug_struct("RecordedRequest")
            .field("endpoint", &self.endpoint)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &names(&self.query))
            .field("form", &names(&self.form))
            .field("json", &names(&self.json))
            .field("headers", &names(&self.headers))
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// A registered client.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    pub secret: Secret,
    /// Its public key (`private_key_jwt`, `signed_client_secret`).
    pub key: Option<ClientKey>,
    pub active: bool,
    pub redirect_uris: Vec<String>,
}

impl Client {
    /// A public client: nothing to authenticate with but its id.
    pub fn is_public(&self) -> bool {
        self.secret.is_empty() && self.key.is_none()
    }

    /// Whether `uri` is one of the client's redirect URIs: the same string, or (RFC 8252
    /// §7.3, native apps) a registered loopback IP URI without a port (`http://127.0.0.1/cb`,
    /// `http://[::1]/cb`) with any port.
    pub fn allows_redirect(&self, uri: &str) -> bool {
        self.redirect_uris
            .iter()
            .any(|r| r == uri || loopback_any_port(r, uri))
    }
}

/// Whether `registered` is an `http` loopback IP URI without a port and `requested` is the
/// same URI with a port.
fn loopback_any_port(registered: &str, requested: &str) -> bool {
    let (Ok(r), Ok(q)) = (url::Url::parse(registered), url::Url::parse(requested)) else {
        return false;
    };
    let loopback = matches!(
        r.host(),
        Some(url::Host::Ipv4(ip)) if ip.is_loopback()
    ) || matches!(r.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback());
    let mut moved = q.clone();
    loopback
        && r.scheme() == "http"
        && r.port().is_none()
        && q.port().is_some()
        && moved.set_port(None).is_ok()
        && moved == r
}

/// Connection values of one authorization, by name.
pub(crate) type Connection = BTreeMap<String, String>;

/// How a code was issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeKind {
    Web,
    Pin,
}

/// An authorization code or PIN.
#[derive(Debug, Clone)]
pub(crate) struct CodeRec {
    pub kind: CodeKind,
    /// `None` for PINs, which any registered client may exchange.
    pub client_id: Option<String>,
    /// The redirect URI the authorize request named explicitly (it must be repeated).
    pub redirect_uri: Option<String>,
    pub user: String,
    pub scopes: Vec<String>,
    pub expires_at_ms: Option<u64>,
    pub pkce: Option<(String, String)>,
    pub offline: bool,
    pub used: bool,
    /// The scopes of each secondary token set asked for (aligned with the def's
    /// `token_response.secondary`; empty: that set was not asked for).
    pub secondary_scopes: Vec<Vec<String>>,
    /// The OpenID `nonce` of the authorization, for its ID token.
    pub nonce: Option<String>,
    /// The connection values drawn for this authorization.
    pub connection: Connection,
}

/// A live access token.
#[derive(Debug, Clone)]
pub(crate) struct AccessRec {
    pub user: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub issued_at_ms: u64,
    pub expires_at_ms: Option<u64>,
    /// The refresh token it was minted with (or alongside).
    pub refresh: Option<String>,
    /// Index of the custom grant that minted it (its presentation applies), if any.
    pub custom: Option<usize>,
    /// The connection values it was issued with.
    pub connection: Connection,
}

/// Where a device authorization (RFC 8628) stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DeviceStatus {
    /// The user has not decided yet.
    Pending,
    /// The user approved; the next poll gets the tokens.
    Approved { user: String },
    /// The user denied; the next poll gets `access_denied`.
    Denied,
}

/// A device authorization in progress, keyed by its device code.
#[derive(Debug, Clone)]
pub(crate) struct DeviceRec {
    pub client_id: String,
    /// As shown to the user (`BCDF-GHJK`).
    pub user_code: String,
    pub scopes: Vec<String>,
    pub expires_at_ms: u64,
    /// The polling interval now in force (grows by 5 s at each `slow_down`).
    pub interval_ms: u64,
    pub last_poll_ms: Option<u64>,
    pub status: DeviceStatus,
}

/// An authorization request waiting for the user on the consent page ([`Consent::Ask`]),
/// keyed by the random id the page's form sends back.
#[derive(Debug, Clone)]
pub(crate) struct PendingConsent {
    pub client_id: String,
    /// The scopes asked for, as shown on the page.
    pub scopes: Vec<String>,
    /// When the page was shown; a decision after the code lifetime is refused.
    pub created_ms: u64,
    pub kind: PendingKind,
}

/// What approving a [`PendingConsent`] issues.
#[derive(Debug, Clone)]
pub(crate) enum PendingKind {
    /// A PIN, shown on a page (the PIN grant's page: no redirect URI).
    Pin,
    /// A code, sent to the redirect URI.
    Web(Box<WebAuthorization>),
}

/// A checked authorization-code request, everything but the user (see
/// [`PendingConsent`]).
#[derive(Debug, Clone)]
pub(crate) struct WebAuthorization {
    pub target: url::Url,
    pub explicit_redirect: Option<String>,
    pub state: Option<String>,
    pub scopes: Vec<String>,
    pub pkce: Option<(String, String)>,
    pub offline: bool,
    pub secondary_scopes: Vec<Vec<String>>,
    /// The OpenID `nonce` of the request, echoed in the ID token.
    pub nonce: Option<String>,
}

/// How many consent pages may wait for a decision at once; the oldest is forgotten past it.
pub(crate) const MAX_PENDING_CONSENTS: usize = 1_000;

/// A live refresh token.
#[derive(Debug, Clone)]
pub(crate) struct RefreshRec {
    pub user: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub expires_at_ms: Option<u64>,
    /// The redirect URI of the authorization it comes from (GitLab wants it again).
    pub redirect_uri: Option<String>,
    /// The connection values of that authorization.
    pub connection: Connection,
    /// The access token minted with it last (handed back again where the refresh grant
    /// `reuses_token`).
    pub latest_access: Option<String>,
}

/// Everything the simulator remembers. Its `Debug` shows counts only: it holds secrets and
/// tokens.
#[derive(Default)]
pub(crate) struct State {
    pub clients: HashMap<String, Client>,
    /// How the next ID token is to be broken (see `Simulator::tamper_next_id_token`).
    pub id_token_tamper: Option<crate::oidc::IdTokenTamper>,
    /// Users of password-based custom grants: user -> password.
    pub users: HashMap<String, String>,
    /// Users whose account registration is not confirmed: password-based custom grants
    /// should refuse them with `ACCOUNT_REGISTRATION_NOT_CONFIRMED` (Zoho's legacy authtoken).
    pub unconfirmed_users: HashSet<String>,
    pub consent: Consent,
    pub codes: HashMap<String, CodeRec>,
    pub access: HashMap<String, AccessRec>,
    pub refresh: HashMap<String, RefreshRec>,
    /// Client-credentials tokens handed out again until they expire, by client id.
    pub cc_tokens: HashMap<String, String>,
    /// Device authorizations by device code.
    pub devices: HashMap<String, DeviceRec>,
    /// The owner of each client (Marketo's API-only user), sent as a client-credentials
    /// token's `scope` when the def has no scopes.
    pub owners: HashMap<String, String>,
    /// Per client: the company name users see and how many users may connect.
    pub user_quotas: HashMap<String, (String, usize)>,
    /// How long the sample API takes to answer (real time; calls stay in flight meanwhile).
    pub api_latency: Duration,
    /// The latest requests answered, oldest first (at most [`MAX_RECORDED`]).
    pub requests: VecDeque<RecordedRequest>,
    pub limits: Limits,
    pub stats: Stats,
    /// The `jti` of client assertions already used, with their expiry (unix seconds), so
    /// none is accepted twice.
    pub used_jtis: HashMap<String, u64>,
    /// Connection values set by the test, handed out instead of drawn ones.
    pub connection_values: Connection,
    /// Declared fixed parameters are required (see `Simulator::set_strict_params`).
    pub strict_params: bool,
    /// Authorization requests waiting on the consent page, by the page's request id.
    pub consents: HashMap<String, PendingConsent>,
    /// How many recorded requests were forgotten (past the cap, or cleared): the index of
    /// `requests[0]` among every request ever recorded.
    pub requests_dropped: u64,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("clients", &self.clients.len())
            .field("codes", &self.codes.len())
            .field("access_tokens", &self.access.len())
            .field("refresh_tokens", &self.refresh.len())
            .field("devices", &self.devices.len())
            .field("requests", &self.requests.len())
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

/// How many answered requests the simulator remembers.
pub(crate) const MAX_RECORDED: usize = 10_000;

impl State {
    /// Counts a token request for `grant`.
    pub fn count_request(&mut self, grant: &str) {
        *self
            .stats
            .token_requests
            .entry(grant.to_string())
            .or_default() += 1;
    }

    /// Whether the access token is live at `now_ms` (`Err(true)`: expired, `Err(false)`:
    /// unknown, revoked or evicted).
    pub fn check_access(&self, token: &str, now_ms: u64) -> Result<&AccessRec, bool> {
        match self.access.get(token) {
            None => Err(false),
            Some(rec) if rec.expires_at_ms.is_some_and(|e| now_ms >= e) => Err(true),
            Some(rec) => Ok(rec),
        }
    }

    /// Removes a refresh token and every access token minted from it.
    pub fn revoke_refresh(&mut self, token: &str) -> bool {
        if self.refresh.remove(token).is_none() {
            return false;
        }
        self.access
            .retain(|_, rec| rec.refresh.as_deref() != Some(token));
        self.limits.forget_refresh(token);
        true
    }
}

/// A random token of `len` ASCII letters and digits.
pub(crate) fn random_token(len: usize) -> String {
    Alphanumeric.sample_string(&mut rand::rng(), len)
}

/// A random user code (RFC 8628 §6.1): eight consonants, shown as `BCDF-GHJK`.
pub(crate) fn random_user_code() -> String {
    const CHARS: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";
    let mut rng = rand::rng();
    let mut code = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            code.push('-');
        }
        code.push(char::from(CHARS[rng.random_range(0..CHARS.len())]));
    }
    code
}

/// A random PIN of `len` upper-case letters and digits (easy to read off a page).
pub(crate) fn random_pin(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(CHARS[rng.random_range(0..CHARS.len())]))
        .collect()
}
