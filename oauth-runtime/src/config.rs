//! Checking a client's configuration: variable values against the spec (choice keys, free
//! values against their anchored format) and endpoint URLs against the transport rule (HTTPS,
//! or HTTP on a loopback address).
//!
//! Messages name the variable and what it accepts, never the value given.

use oauth_model::{VarValue, VariableDef, VariableKind};
use url::{Host, Url};

use crate::error::Error;

/// The spec's default for a variable.
pub(crate) fn default_value(var: &VariableDef) -> Option<VarValue> {
    match &var.kind {
        VariableKind::Choice { default, .. } => default.map(VarValue::Choice),
        VariableKind::Free { default, .. } => {
            default.as_ref().map(|d| VarValue::Free(d.to_string()))
        }
    }
}

/// What a variable accepts, for error messages (never the value given: it is not needed to
/// fix the mistake).
pub(crate) fn allowed(var: &VariableDef) -> String {
    match &var.kind {
        VariableKind::Choice { choices, .. } => format!(
            "expected one of {}",
            quoted(choices.iter().map(|c| c.key.as_ref()))
        ),
        VariableKind::Free { format, .. } => format!("expected a value matching `{format}`"),
    }
}

pub(crate) fn quoted<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks a value against its variable: a choice index that exists (or a choice key given as
/// free text), a free value matching the whole format.
pub(crate) fn check_value(var: &VariableDef, value: VarValue) -> Result<VarValue, Error> {
    let bad = || {
        Error::Config(format!(
            "invalid value for variable `{}`; {}",
            var.name,
            allowed(var)
        ))
    };
    match (&var.kind, value) {
        (VariableKind::Choice { choices, .. }, VarValue::Choice(i)) if i < choices.len() => {
            Ok(VarValue::Choice(i))
        }
        (VariableKind::Choice { choices, .. }, VarValue::Free(key)) => choices
            .iter()
            .position(|c| c.key == key.as_str())
            .map(VarValue::Choice)
            .ok_or_else(bad),
        (VariableKind::Free { format, .. }, VarValue::Free(text)) => {
            let re = regex_lite::Regex::new(&format!("^(?:{format})$")).map_err(|_| {
                Error::Config(format!(
                    "variable `{}` has a format that is not a valid regular expression",
                    var.name
                ))
            })?;
            if re.is_match(&text) {
                Ok(VarValue::Free(text))
            } else {
                Err(bad())
            }
        }
        _ => Err(bad()),
    }
}

/// Whether the whole of `value` matches the regular expression `format` (a format that does
/// not compile matches nothing).
pub(crate) fn whole_match(format: &str, value: &str) -> bool {
    regex_lite::Regex::new(&format!("^(?:{format})$")).is_ok_and(|re| re.is_match(value))
}

/// HTTPS, or HTTP on a loopback address (127.0.0.0/8, ::1, localhost).
pub(crate) fn is_secure(url: &Url) -> bool {
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => match url.host() {
            Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            Some(Host::Ipv4(a)) => a.is_loopback(),
            Some(Host::Ipv6(a)) => a.is_loopback(),
            None => false,
        },
        _ => false,
    }
}
