//! The resolved provider model: one provider, every default filled in, every reference checked.
//!
//! This is the single description of a provider that the rest of the project shares:
//! - `oauth-codegen` builds it from a validated YAML spec and emits it as a `static` (every
//!   string and list is `Cow::Borrowed`, so the generated value is a constant with no parsing
//!   or allocation at run time);
//! - `oauth-runtime` interprets it to build requests, parse responses and classify errors;
//! - `oauth-sim` builds it at run time from the same YAML and serves the provider it describes.
//!
//! It has no dependencies and no behaviour beyond lookups and template rendering. It must
//! never grow I/O, HTTP or parsing of the spec format: those belong to the crates above.
//! The `serde` feature derives (de)serialisation and JSON Schema for the leaf enums so the
//! spec format can reuse them verbatim.
//!
//! One concept a module: [`enums`] (the leaf choices), [`provider`] (the whole definition),
//! [`variables`], [`connection`] (values learned after authorization), [`endpoints`] (and URL
//! templates), [`auth`] (client authentication), [`presentation`] (tokens and headers on API
//! calls), [`response`] (reading token responses), [`grants`], [`lifetimes`], [`limits`],
//! [`scopes`], [`errors`], [`oidc`] (OpenID Connect, PAR, DPoP) and [`facts`] (the vendor page behind each fact).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::borrow::Cow;

/// A string that is `&'static` in generated code and owned when built at run time.
pub type Str = Cow<'static, str>;
/// A list that is `&'static [T]` in generated code and owned when built at run time.
pub type List<T> = Cow<'static, [T]>;

pub mod auth;
pub mod connection;
pub mod endpoints;
pub mod enums;
pub mod errors;
pub mod facts;
pub mod grants;
pub mod lifetimes;
pub mod limits;
pub mod oidc;
pub mod presentation;
pub mod provider;
pub mod response;
pub mod scopes;
pub mod variables;

pub use auth::{ClientAuthDef, JwtDef};
pub use connection::{ConnectionDef, ConnectionFrom};
pub use endpoints::{EndpointDef, RenderContext, RenderError, Template, TemplatePart};
pub use enums::*;
pub use errors::ErrorRuleDef;
pub use facts::FactDef;
pub use grants::{
    AuthorizationCodeDef, CallbackParamDef, ClientCredentialsDef, CustomGrantDef, CustomParamDef,
    DeviceCodeDef, ExtraParamDef, GrantsDef, HmacDef, ParamDef, ParamSource, PinDef, RefreshDef,
};
pub use lifetimes::{Lifetime, LifetimesDef};
pub use limits::LimitDef;
pub use oidc::{ClaimDef, ClaimKind, OidcDef};
pub use presentation::{ApiDef, HeaderDef, Presentation, TokenRequestDef};
pub use provider::{Deprecation, ParamRename, ProviderDef};
pub use response::{FieldNames, FieldOp, FieldTest, ResponseDef, ScalarDef, SecondaryDef};
pub use scopes::{Catalogue, ScopesDef};
pub use variables::{ChoiceDef, VarValue, VariableDef, VariableKind};
