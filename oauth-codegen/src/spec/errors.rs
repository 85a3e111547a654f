//! What a spec says about errors: rules, and the field tests rules (and success checks) make.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ErrorMeaning, ErrorSite, GrantKind, Sp};

/// An error rule: where a provider error appears, how to recognise it, and what it means.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorRule {
    /// The provider's code (`invalid_code`, `601`); names the generated enum variant.
    pub code: Sp<String>,
    /// Where it appears.
    #[serde(default = "anywhere")]
    pub at: ErrorSite,
    /// Only for responses to this grant (`refresh_token`: Zoho's `invalid_code` on refresh).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant: Option<Sp<GrantKind>>,
    /// The exact HTTP status it arrives with; any status if absent (Zoho: 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Sp<i64>>,
    /// Body tests that must all hold.
    #[serde(default)]
    pub when: Vec<FieldTestSpec>,
    /// What it means, in the vocabulary the runtime acts on.
    pub meaning: Option<Sp<ErrorMeaning>>,
    /// The provider's words (rustdoc and error messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn anywhere() -> ErrorSite {
    ErrorSite::Any
}

/// A test on a parsed body: `field` and exactly one of the checks.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldTestSpec {
    /// A dotted path into the body; `*` matches any array element (`errors.*.code`).
    pub field: Sp<String>,
    /// The value it must equal. A string matches a JSON string or the text of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Scalar>,
    /// Any of these values.
    #[serde(default)]
    pub one_of: Vec<Scalar>,
    /// A string starting with this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_with: Option<Sp<String>>,
    /// A string containing this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<Sp<String>>,
    /// A number (or a string holding one) within `[low, high]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub between: Option<Sp<(i64, i64)>>,
    /// `true`: the field is absent (or `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absent: Option<Sp<bool>>,
}

/// A scalar JSON value in a spec.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// true / false
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Text.
    Str(String),
}

impl std::fmt::Display for Scalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Str(s) => f.write_str(s),
        }
    }
}
