//! Benchmarks of the token cache ([`oauth_runtime::TokenSource`]) side by side with the crates
//! users pick today: yup-oauth2's cached `token()` and an oauth2-rs client behind the
//! `Mutex<Option<Token>>` cache users write.
//!
//! This library holds what the bench targets share and nothing they measure differently: the
//! local token endpoint every contender asks ([`endpoint`]), the one trait the contenders are
//! driven through ([`Contender`]), our contender ([`ours`]), and the measuring loops
//! ([`run`]). The peers are dev-dependencies (`benches/common/mod.rs`), so a workspace build
//! or test never compiles them. It must never run as part of a test suite, and never talk to
//! anything but the loopback endpoint it started.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::fmt;
use std::future::Future;

pub mod endpoint;
pub mod ours;
pub mod run;

/// Client id every contender presents (the endpoint checks it on the client credentials grant).
pub const CLIENT_ID: &str = "bench-client";
/// The matching client secret.
pub const CLIENT_SECRET: &str = "bench-secret";
/// Lifetime (seconds) of the tokens the endpoint issues unless told otherwise: an hour past
/// any contender's renewal margin, so a warm cache stays warm for a whole run.
pub const FRESH_EXPIRES_IN: u64 = 3_660;

/// A token cache under test: one way of getting a valid access token.
pub trait Contender: Send + Sync + 'static {
    /// What [`Contender::token`] hands back: each contender's own type, so no conversion is
    /// measured.
    type Token: Send;

    /// The contender's name in tables and benchmark ids.
    fn name(&self) -> &'static str;

    /// The `expires_in` (seconds) of a token this contender treats as due for renewal the
    /// moment it has it (its renewal margin): what the stampede seeds the cache with.
    fn stale_expires_in(&self) -> u64;

    /// A valid access token: the cached one, or a new one from the endpoint.
    fn token(&self) -> impl Future<Output = Result<Self::Token, BenchError>> + Send;
}

/// Why a benchmark could not run or a contender failed: a message with its context.
///
/// One pointer wide, so that a contender's `Result<Token, BenchError>` with a word-sized token
/// comes back in two registers: with a `String` (three words) every measured call wrote its
/// result to the stack and the benchmark loop read it back, a store-forwarding stall that was
/// over half of a 17 ns cached call, the same few nanoseconds for every contender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchError(Box<Message>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Message(String);

impl BenchError {
    /// `context: error`.
    pub fn new(context: &str, error: impl fmt::Display) -> BenchError {
        BenchError::msg(format!("{context}: {error}"))
    }

    /// A message on its own.
    pub fn msg(message: impl Into<String>) -> BenchError {
        BenchError(Box::new(Message(message.into())))
    }
}

impl fmt::Display for BenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0 .0)
    }
}

impl std::error::Error for BenchError {}
