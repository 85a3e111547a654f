//! The workspace's test kit: what the test suites of the runtime, the facade and the
//! benchmarks share.
//!
//! - [`spec`]: provider definitions built from YAML through the same load-and-validate
//!   pipeline as `provider!`, so a test fixture cannot be a definition the validator would
//!   refuse, and cannot drift from the spec format;
//! - [`server`]: a scripted, recording HTTP server on 127.0.0.1 (with chunked, stalled and
//!   delayed bodies for the fault tests).
//!
//! Test code: it panics on misuse with a message saying what was wrong. Not published.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod server;
pub mod spec;

pub use server::{Recorded, Reply, ReplyBody, Server};
