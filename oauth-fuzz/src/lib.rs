//! Fuzzing that stays: targets for everything a spec writer or a server controls, a driver
//! that runs on stable Rust, and the regressions it found.
//!
//! # Targets
//! - [`Target::Spec`]: a spec's text through the whole pipeline the `provider!` macro runs
//!   (load with `extends:` against the bundled specs, validate, generate). The oracle: no
//!   panic, and whatever a valid spec generates parses as a Rust file.
//! - [`Target::TokenJson`], [`Target::TokenForm`], [`Target::TokenProperties`]: a response
//!   body (with an HTTP status) through the runtime's body parser of that format, the error
//!   classifier at the token endpoint and the API, and the token-set reader, for a bundled
//!   spec picked by the input's first byte. The oracle: no panic, and every error's `Display`
//!   is one bounded line.
//! - [`Target::Callback`]: an authorization redirect's query through the state check, the
//!   HMAC check (Shopify-style), the provider-error decoder and the variable selection.
//!
//! # Drivers
//! - Stable (CI): `cargo run -p oauth-fuzz --release -- all --seconds 60` runs each target in
//!   turn, mutating seeds from the repository ([`seeds`]) with [`mutate`] and keeping inputs
//!   whose outcome is new (the outcome's shape stands in for coverage, which stable Rust
//!   cannot instrument). A panic writes the input to `oauth-fuzz/crashes/` and exits 1.
//! - Coverage-guided (on demand, nightly): the `fuzz/` directory is a `cargo fuzz` project
//!   whose targets call [`Harness::run`]: `cargo +nightly fuzz run spec` (see its README).
//!
//! Every file under `oauth-fuzz/regressions/<target>/` and every seed runs once in
//! `cargo test -p oauth-fuzz`, so a panic found once stays found.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod mutate;
pub mod seeds;
mod targets;

pub use targets::{Harness, Target, CONTENT_TYPES, STATUSES};
