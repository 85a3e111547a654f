//! Per-account variables: values that differ per tenant, shop, instance or data centre and
//! select hosts.

use crate::{List, Str};

/// A per-account variable.
#[derive(Debug, Clone)]
pub struct VariableDef {
    /// snake_case name used in templates.
    pub name: Str,
    /// What it is.
    pub description: Str,
    /// Choice or free value.
    pub kind: VariableKind,
}

/// The two kinds of variable.
#[derive(Debug, Clone)]
pub enum VariableKind {
    /// One of a fixed set of values, each with the same named properties.
    Choice {
        /// Property names, in the order each choice lists its values.
        properties: List<Str>,
        /// The allowed values.
        choices: List<ChoiceDef>,
        /// Index of the default choice.
        default: Option<usize>,
    },
    /// A free value matching a regular expression.
    Free {
        /// The regular expression the whole value must match.
        format: Str,
        /// An example value.
        example: Option<Str>,
        /// The default value.
        default: Option<Str>,
    },
}

/// One allowed value of a choice variable.
#[derive(Debug, Clone)]
pub struct ChoiceDef {
    /// The key written in specs and templates (`eu`).
    pub key: Str,
    /// Human label (`Europe`).
    pub label: Option<Str>,
    /// Property values, aligned with [`VariableKind::Choice::properties`].
    pub values: List<Str>,
}

/// The value a client has for one variable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VarValue {
    /// Index into the variable's choices.
    Choice(usize),
    /// A free value (already checked against the format).
    Free(String),
}
