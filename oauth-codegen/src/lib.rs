//! The generator behind `oauth-macros`: provider spec (YAML) in, Rust tokens out.
//!
//! The pipeline is visible in the modules, each with one job:
//! [`load`] (YAML text to [`spec::Spec`], `extends:` resolved) ->
//! [`validate`] (semantic checks with file positions; produces the resolved
//! [`oauth_model::ProviderDef`]) -> [`codegen`] (tokens out).
//!
//! This crate never touches `proc_macro`, so it is unit-tested without rustc and reusable
//! from a CLI or a build script.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod codegen;
pub mod diagnostics;
pub mod load;
pub mod names;
pub mod schema;
pub mod spec;
pub mod validate;

pub use diagnostics::{Diagnostic, Diagnostics};
