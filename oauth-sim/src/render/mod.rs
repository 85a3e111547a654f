//! Response bodies in the provider's own formats, one kind a module: [`errors`] (error bodies
//! synthesised from the def's error rules), [`tokens`] (token responses), [`dates`] (the
//! Java-style stamps of properties bodies). This module holds the [`Reply`] they all produce
//! and the HTML page the PIN and device pages use. Nothing here decides *whether* a request
//! fails: that is [`crate::routes`].

mod dates;
mod errors;
mod tokens;

pub(crate) use dates::java_date;
pub(crate) use errors::{authorize_error_code, error, has_rule_at, Failure};
pub(crate) use tokens::{token, Issued};

use serde_json::Value;

/// A response ready to be sent.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.to_string(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: String) -> Reply {
        self.headers.push((name, value));
        self
    }
}

/// An HTML page showing the user one message in an element with id `id` (the PIN page, the
/// device verification page, and their errors).
pub(crate) fn page(status: u16, id: &str, message: &str) -> Reply {
    let escaped: String = message
        .chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect();
    Reply {
        status,
        content_type: "text/html; charset=utf-8",
        body: format!("<html><body><p id=\"{id}\">{escaped}</p></body></html>"),
        headers: Vec::new(),
    }
}
