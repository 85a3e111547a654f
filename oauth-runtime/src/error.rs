//! The runtime's error type: errors as data a caller can match on.
//!
//! [`Error::Provider`] carries an error the provider reported, classified by the spec's error
//! rules into the fixed [`ErrorMeaning`] vocabulary (whatever the HTTP status: Zoho and
//! Marketo report errors inside HTTP 200). The other variants are failures around the
//! provider: transport, timeouts, malformed bodies, configuration, client-side limits.
//!
//! No variant ever carries a secret: messages name endpoints by their spec name, never by
//! URL (Zoho's documented token URL carries the client secret in its query), and
//! `reqwest` errors are stored with their URL stripped.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use oauth_model::{ErrorMeaning, ErrorSite};

/// An error the provider reported, classified by the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderError {
    /// The provider's code (`invalid_code`, `601`, `INVALID_PASSWORD`).
    pub code: String,
    /// What it means.
    pub meaning: ErrorMeaning,
    /// Index of the spec rule that matched; `None` when no rule matched and the meaning was
    /// inferred (RFC 6749 codes, HTTP status).
    pub rule: Option<usize>,
    /// Where it came from.
    pub site: ErrorSite,
    /// HTTP status it arrived with (often 200); 0 when it did not arrive as an HTTP response
    /// (an `error=` in the authorization redirect, a device code that expired while polling).
    pub status: u16,
    /// The provider's description, when it sent one.
    pub description: Option<String>,
    /// How long to wait before retrying, from `Retry-After` or the spec's limits.
    pub retry_after: Option<Duration>,
}

impl std::fmt::Display for ProviderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} reported `{}` ({})",
            site_name(self.site),
            self.code,
            self.meaning
        )?;
        if self.status != 0 {
            write!(f, " with HTTP {}", self.status)?;
        }
        if let Some(d) = &self.description {
            write!(f, ": {d}")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong talking to a provider.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The provider reported an error (see [`ProviderError::meaning`]).
    #[error("{0}")]
    Provider(ProviderError),
    /// A non-success HTTP status that no rule classified and the body did not explain.
    #[error("{} answered HTTP {status}", site_name(*site))]
    Http {
        /// Where.
        site: ErrorSite,
        /// The status.
        status: u16,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
    },
    /// The request did not complete (connection refused or reset, TLS, DNS).
    #[error("{} could not be reached: {source}", site_name(*site))]
    Transport {
        /// Where.
        site: ErrorSite,
        /// The cause, with its URL removed.
        #[source]
        source: Arc<reqwest::Error>,
    },
    /// No answer in time.
    #[error("{} did not answer within {after:?}", site_name(*site))]
    Timeout {
        /// Where.
        site: ErrorSite,
        /// The time allowed.
        after: Duration,
    },
    /// The body could not be read as the spec says (wrong format, wrong shape, truncated,
    /// larger than the size cap).
    #[error("{} sent an invalid response: {reason}", site_name(*site))]
    InvalidResponse {
        /// Where.
        site: ErrorSite,
        /// What was wrong with it (never the body itself).
        reason: String,
    },
    /// The client is misconfigured (bad variable value, an endpoint the spec lacks, a host
    /// the spec does not declare).
    #[error("configuration error: {0}")]
    Config(String),
    /// The redirect's `state` does not match the one this authorization sent.
    #[error("the redirect's `state` does not match the authorization request (possible CSRF)")]
    StateMismatch,
    /// The redirect's signature (Shopify's `hmac`) is missing or does not match: the
    /// redirect did not come from the provider, or was altered.
    #[error("the redirect's signature is missing or does not match (possible forgery)")]
    CallbackSignature,
    /// A template needs a connection value (`{connection.<name>}`) that the token set does
    /// not have, or an authorization did not yield a required one: nothing is sent rather
    /// than sent to a wrong host.
    #[error("the token set has no connection value `{name}`")]
    MissingConnectionValue {
        /// The connection value's name.
        name: String,
    },
    /// A connection value from the provider does not match the format the spec declares, so
    /// it is refused (a host taken from it would be one the spec does not allow). The value
    /// is not repeated here.
    #[error("connection value `{name}` does not match the format the spec declares")]
    InvalidConnectionValue {
        /// The connection value's name.
        name: String,
    },
    /// A documented limit would be passed; waiting `retry_after` avoids being blocked.
    #[error("client-side limit reached ({limit}); retry after {retry_after:?}")]
    LimitReached {
        /// The limit, in the provider's words.
        limit: String,
        /// When a request may be made without passing the limit.
        retry_after: Duration,
    },
    /// The token store failed.
    #[error("token store failed: {0}")]
    Store(String),
    /// There is no token to use and none can be obtained without the user.
    #[error("no token available: {0}")]
    NoToken(String),
    /// A stored or given token set was issued by another authorization server than this
    /// client's (another data centre, instance or issuer): it is never used or refreshed.
    #[error(
        "the token set was issued by another authorization server than this client's; it is \
         not used (authorize again, or check the store key and the client's variables)"
    )]
    IssuerMismatch,
    /// An API rejected an access token that had just replaced a rejected one, and no API has
    /// accepted it since: a fresh token would not help, so none is fetched (see
    /// [`crate::source::REJECTION_COOLDOWN`]).
    #[error(
        "the API rejected a fresh access token (obtained {obtained_ago:?} before); renewing \
         again would not help: check how the spec presents tokens (token_presentation, API \
         headers), the API host and the scopes"
    )]
    TokenRejected {
        /// How long before this rejection the token had replaced a rejected one.
        obtained_ago: Duration,
        /// The provider's error, when it sent one.
        provider: Option<ProviderError>,
    },
    /// A token store refused what it found, because using it could hand out a token someone
    /// else planted or write one where someone else can read it (see [`StoreRefusal`]).
    #[error("token store refused: {0}")]
    StoreRefused(StoreRefusal),
    /// The ID token of a login or refresh failed a check: the variant names which (signature,
    /// algorithm, issuer, audience, expiry, nonce, `at_hash`, ...). The tokens of that
    /// response are not handed out.
    #[error("ID token refused: {0}")]
    IdToken(Arc<crate::oidc::IdTokenError>),
    /// The provider's OpenID metadata could not be had or was refused (another `issuer`, an
    /// endpoint off HTTPS, not found).
    #[error("OpenID discovery failed: {0}")]
    Discovery(Arc<crate::oidc::DiscoveryError>),
    /// UserInfo failed, or answered for another subject than the ID token's.
    #[error("UserInfo failed: {0}")]
    UserInfo(Arc<crate::oidc::UserInfoError>),
    /// A DPoP key or proof could not be made or read back.
    #[error("DPoP: {0}")]
    Dpop(crate::oidc::DpopError),
}

impl From<crate::oidc::IdTokenError> for Error {
    fn from(e: crate::oidc::IdTokenError) -> Self {
        Error::IdToken(Arc::new(e))
    }
}

impl From<crate::oidc::DiscoveryError> for Error {
    fn from(e: crate::oidc::DiscoveryError) -> Self {
        Error::Discovery(Arc::new(e))
    }
}

impl From<crate::oidc::UserInfoError> for Error {
    fn from(e: crate::oidc::UserInfoError) -> Self {
        Error::UserInfo(Arc::new(e))
    }
}

impl From<crate::oidc::DpopError> for Error {
    fn from(e: crate::oidc::DpopError) -> Self {
        Error::Dpop(e)
    }
}

impl Error {
    /// The provider error, if this is one (or a [`Error::TokenRejected`] carrying one).
    pub fn provider(&self) -> Option<&ProviderError> {
        match self {
            Error::Provider(p) => Some(p),
            Error::TokenRejected {
                provider: Some(p), ..
            } => Some(p),
            _ => None,
        }
    }

    /// The meaning of a provider error.
    pub fn meaning(&self) -> Option<ErrorMeaning> {
        self.provider().map(|p| p.meaning)
    }

    /// Whether a new access token may cure this error.
    pub fn is_token_error(&self) -> bool {
        self.meaning().is_some_and(ErrorMeaning::is_token_error)
            || matches!(self, Error::Http { status: 401, .. })
    }

    /// Whether the request may have been processed although no answer arrived: a timeout, or
    /// a transport failure other than failing to connect. Repeating such a request is safe
    /// only where doing it twice is harmless (not a refresh that rotates the refresh token).
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Error::Timeout { .. } => true,
            Error::Transport { source, .. } => !source.is_connect(),
            _ => false,
        }
    }

    /// Wraps a reqwest error, stripping its URL (which may carry a client secret).
    pub fn transport(site: ErrorSite, e: reqwest::Error, timeout: Duration) -> Error {
        if e.is_timeout() {
            return Error::Timeout {
                site,
                after: timeout,
            };
        }
        Error::Transport {
            site,
            source: Arc::new(e.without_url()),
        }
    }
}

/// How messages name a site: `token endpoint`, `API`.
pub fn site_name(site: ErrorSite) -> &'static str {
    match site {
        ErrorSite::TokenEndpoint => "token endpoint",
        ErrorSite::Authorize => "authorization endpoint",
        ErrorSite::Api => "API",
        ErrorSite::Revoke => "revocation endpoint",
        ErrorSite::Any => "provider",
    }
}

/// Why a token store refused what it found ([`Error::StoreRefused`]). Each case is something
/// another local user, a copied or edited store, or a wrong key can cause; the message says
/// how to fix it, and never holds a token or a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreRefusal {
    /// The directory can be written by its group or by others, who could then swap token
    /// files or plant links that redirect writes.
    #[error(
        "directory {} is writable by its group or by others (mode {mode:03o}), who could swap \
         its token files; run `chmod 700 {}`",
        dir.display(),
        dir.display()
    )]
    InsecureDirectory {
        /// The directory.
        dir: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The directory belongs to another user, who could swap its token files.
    #[error(
        "directory {} belongs to uid {owner}, who could swap its token files, not to this \
         process's user (uid {user}); use a directory of your own or run `chown {user} {}`",
        dir.display(),
        dir.display()
    )]
    ForeignDirectory {
        /// The directory.
        dir: PathBuf,
        /// Its owner.
        owner: u32,
        /// The user this process runs as.
        user: u32,
    },
    /// The store's directory is not a directory.
    #[error("{} is not a directory", path.display())]
    NotADirectory {
        /// The path.
        path: PathBuf,
    },
    /// A file the store uses is a symbolic link, which it never follows.
    #[error(
        "{} is a symbolic link, which a token store never follows; remove it",
        path.display()
    )]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// A file the store uses is not a regular file (a directory, a FIFO, a device).
    #[error("{} is not a regular file; remove it", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A sealed store found a set it did not seal (plain tokens, or something else): it never
    /// hands out a set anyone who can write to the inner store could have planted.
    #[error(
        "the stored set is not sealed; to seal plain sets, load them from the inner store and \
         save them through the sealed store"
    )]
    NotSealed,
    /// A sealed store found an envelope it cannot parse (truncated, bad encoding).
    #[error("the stored sealed set is malformed")]
    MalformedSeal,
    /// The set is sealed with a key the keyring does not hold.
    #[error(
        "the stored set is sealed with key `{key_id}`, which the keyring does not hold; add \
         it to the keyring as an old key"
    )]
    UnknownKey {
        /// The id the envelope names.
        key_id: String,
    },
    /// The set does not open: it was altered, copied from another store key, or sealed with
    /// another key of the same id.
    #[error(
        "the stored set does not open with key `{key_id}`: it was altered, copied from \
         another store key, or sealed with a different key of that id"
    )]
    SealBroken {
        /// The id the envelope names.
        key_id: String,
    },
}
