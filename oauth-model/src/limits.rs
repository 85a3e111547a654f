//! Documented rate limits and caps.

use crate::{Capped, Counted, LimitKey, OnExceed, Str};

/// A documented limit.
#[derive(Debug, Clone)]
pub enum LimitDef {
    /// At most `max` events per `per_secs`, per `key`; then blocked for `block_for_secs`.
    Rate {
        /// What is counted.
        counts: Counted,
        /// Allowed events per window.
        max: u32,
        /// Window length.
        per_secs: u64,
        /// What it is kept per.
        key: LimitKey,
        /// Block after the limit is passed.
        block_for_secs: Option<u64>,
        /// Index of the error rule the provider answers with past the limit.
        error: Option<usize>,
        /// The provider's words.
        description: Str,
    },
    /// At most `max` live objects per `key`.
    Cap {
        /// What is capped.
        counts: Capped,
        /// Maximum live objects.
        max: u32,
        /// What it is kept per.
        key: LimitKey,
        /// What happens past the cap.
        on_exceed: OnExceed,
        /// Index of the error rule the provider answers with past the cap.
        error: Option<usize>,
        /// The provider's words.
        description: Str,
    },
}
