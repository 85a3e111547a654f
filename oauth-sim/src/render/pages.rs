//! HTML the user's browser gets: a page showing one message (the PIN page, the device
//! verification page, their errors), and the form-post response (OAuth 2.0 Form Post Response
//! Mode, Sign in with Apple): a page whose form POSTs the authorization response to the
//! redirect URI as soon as it loads. Every value is escaped.

use super::Reply;

/// Escapes text for HTML content and double-quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML page showing the user one message in an element with id `id` (the PIN page, the
/// device verification page, and their errors).
pub(crate) fn page(status: u16, id: &str, message: &str) -> Reply {
    let escaped = escape(message);
    Reply {
        status,
        content_type: "text/html; charset=utf-8",
        body: format!("<html><body><p id=\"{id}\">{escaped}</p></body></html>"),
        headers: Vec::new(),
    }
}

/// The form-post response: `params` POSTed to `action` by the page itself, one hidden input a
/// line (`<input type="hidden" name=".." value=".."/>`).
pub(crate) fn form_post(action: &str, params: &[(String, String)]) -> Reply {
    let mut body = String::from(
        "<!DOCTYPE html>\n<html><head><title>Submit This Form</title></head>\n\
         <body onload=\"javascript:document.forms[0].submit()\">\n",
    );
    body.push_str(&format!(
        "<form method=\"post\" action=\"{}\">\n",
        escape(action)
    ));
    for (name, value) in params {
        body.push_str(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\"/>\n",
            escape(name),
            escape(value)
        ));
    }
    body.push_str("<noscript><button type=\"submit\">Continue</button></noscript>\n");
    body.push_str("</form>\n</body></html>\n");
    Reply {
        status: 200,
        content_type: "text/html; charset=utf-8",
        body,
        headers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_post_escapes_what_it_posts() {
        let reply = form_post(
            "https://app.example.com/cb?x=1&y=2",
            &[("state".into(), "\"><script>".into())],
        );
        assert!(reply
            .body
            .contains("action=\"https://app.example.com/cb?x=1&amp;y=2\""));
        assert!(reply.body.contains(
            "<input type=\"hidden\" name=\"state\" value=\"&quot;&gt;&lt;script&gt;\"/>"
        ));
        assert!(!reply.body.contains("<script>"));
    }
}
