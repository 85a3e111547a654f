//! Response bodies in the provider's own formats, one kind a module: [`errors`] (error bodies
//! synthesised from the def's error rules), [`tokens`] (token responses), [`pages`] (the HTML
//! the user sees: PIN and device pages, the form-post response), [`dates`] (the Java-style
//! stamps of properties bodies). This module holds the [`Reply`] they all produce. Nothing
//! here decides *whether* a request fails: that is [`crate::routes`].

mod dates;
mod errors;
mod pages;
mod tokens;

pub(crate) use dates::java_date;
pub(crate) use errors::{authorize_error_code, error, has_rule_at, Failure};
pub(crate) use pages::{consent_page, device_entry_page, form_post, page, pin_page, ConsentPage};
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
